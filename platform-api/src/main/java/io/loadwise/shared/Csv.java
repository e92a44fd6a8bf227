package io.loadwise.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as spreadsheets write and read it (RFC 4180): quoted cells may hold the delimiter, quotes
 * (doubled) and line breaks. Reading accepts comma or semicolon, with or without a UTF-8 byte order
 * mark; writing uses commas and CRLF.
 *
 * <p>Cells written for a spreadsheet are guarded against formula injection: a cell starting with
 * {@code = + - @}, tab or carriage return gets a leading apostrophe, so a spreadsheet shows it as
 * text instead of evaluating it. {@link #unguard(String)} removes that apostrophe again on import,
 * so an exported file imports back unchanged.
 */
public final class Csv {

    private static final char BOM = '\uFEFF';

    private Csv() {}

    /** Parses a whole document into records of cells; blank lines are skipped. */
    public static List<List<String>> parse(String text) {
        String content = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        char delimiter = detectDelimiter(content);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellWasQuoted = false;
        int i = 0;
        while (i < content.length()) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < content.length() && content.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !cellWasQuoted) {
                quoted = true;
                cellWasQuoted = true;
            } else if (c == delimiter) {
                record.add(cell.toString());
                cell.setLength(0);
                cellWasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                addUnlessBlank(records, record);
                record = new ArrayList<>();
                cell.setLength(0);
                cellWasQuoted = false;
            } else {
                cell.append(c);
            }
            i++;
        }
        if (!cell.isEmpty() || !record.isEmpty() || cellWasQuoted) {
            record.add(cell.toString());
            addUnlessBlank(records, record);
        }
        return records;
    }

    /** One line of CSV (with CRLF), every cell guarded against formula injection and quoted if needed. */
    public static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(guard(cells.get(i))));
        }
        return line.append("\r\n").toString();
    }

    /** Prefixes a cell that a spreadsheet would evaluate as a formula with an apostrophe. */
    public static String guard(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    /** Undoes {@link #guard(String)}: an apostrophe before a formula character is dropped. */
    public static String unguard(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0
                && cell.indexOf(';') < 0
                && cell.indexOf('"') < 0
                && cell.indexOf('\n') < 0
                && cell.indexOf('\r') < 0) {
            return cell;
        }
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    /** Semicolon when the header line has more semicolons than commas (European spreadsheets), else comma. */
    private static char detectDelimiter(String content) {
        int end = content.indexOf('\n');
        String header = end < 0 ? content : content.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static void addUnlessBlank(List<List<String>> records, List<String> record) {
        boolean blank = record.stream().allMatch(String::isBlank);
        if (!blank) {
            records.add(record);
        }
    }
}
