package io.loadwise.roster.imports.internal;

import io.loadwise.roster.ClientStatus;
import io.loadwise.roster.imports.ImportRow;
import io.loadwise.shared.Csv;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Reads a roster CSV into validated rows, and writes roster rows as CSV, in the same columns. */
public final class RosterCsv {

    public static final List<String> COLUMNS = List.of("email", "name", "status", "tags", "goal", "weekly_km");

    private static final String EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    private static final String STATUSES =
            Arrays.stream(ClientStatus.values()).map(ClientStatus::dbValue).collect(Collectors.joining(", "));
    private static final int MAX_TAGS = 20;

    private RosterCsv() {}

    /**
     * Validates every row of the file.
     *
     * @param onRoster tells whether an (normalized) email is already on the roster
     * @throws IllegalArgumentException when the file as a whole is unusable: no header, unknown
     *     columns, no rows, too many rows
     */
    public static List<ImportRow> validate(String text, int maxRows, Predicate<String> onRoster) {
        List<List<String>> records = Csv.parse(text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException(
                    "The file is empty. Its first row must name the columns: " + String.join(", ", COLUMNS) + ".");
        }
        Map<String, Integer> columns = header(records.getFirst());
        int headerWidth = records.getFirst().size();
        int rows = records.size() - 1;
        if (rows == 0) {
            throw new IllegalArgumentException("The file has a header row but no clients below it.");
        }
        if (rows > maxRows) {
            throw new IllegalArgumentException(
                    "The file has " + rows + " rows; an import takes at most " + maxRows + ". Split it up.");
        }
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        List<ImportRow> result = new ArrayList<>(rows);
        for (int i = 1; i < records.size(); i++) {
            result.add(row(i + 1, records.get(i), columns, headerWidth, firstRowOfEmail, onRoster));
        }
        return result;
    }

    /** The roster's columns as a CSV line, formula-guarded. */
    public static String line(
            String email, String name, String status, String[] tags, String goal, BigDecimal weeklyKm) {
        return Csv.row(List.of(
                email,
                name,
                status,
                String.join("|", tags),
                goal == null ? "" : goal,
                weeklyKm == null ? "" : weeklyKm.stripTrailingZeros().toPlainString()));
    }

    public static String headerLine() {
        return Csv.row(COLUMNS);
    }

    private static Map<String, Integer> header(List<String> cells) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!COLUMNS.contains(name)) {
                throw new IllegalArgumentException(
                        "Unknown column '" + cells.get(i).strip() + "' in the first row. The columns are: "
                                + String.join(", ", COLUMNS) + ".");
            }
            if (columns.put(name, i) != null) {
                throw new IllegalArgumentException("The column '" + name + "' appears twice in the first row.");
            }
        }
        List<String> missing = Set.of("email", "name").stream()
                .filter(required -> !columns.containsKey(required))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The first row must name the columns; missing: "
                    + String.join(", ", missing) + " (columns: " + String.join(", ", COLUMNS) + ").");
        }
        return columns;
    }

    private static ImportRow row(
            int rowNumber,
            List<String> cells,
            Map<String, Integer> columns,
            int headerWidth,
            Map<String, Integer> firstRowOfEmail,
            Predicate<String> onRoster) {
        List<String> errors = new ArrayList<>();
        String rawEmail = cell(cells, columns, "email");
        String email = rawEmail.toLowerCase(Locale.ROOT);
        String name = cell(cells, columns, "name");
        String givenStatus = cell(cells, columns, "status").toLowerCase(Locale.ROOT);
        String goal = cell(cells, columns, "goal");
        String weeklyKm = cell(cells, columns, "weekly_km").replace(',', '.');
        List<String> tags = Arrays.stream(cell(cells, columns, "tags").split("\\|"))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .toList();

        if (email.isEmpty()) {
            errors.add("email is missing");
        } else if (!email.matches(EMAIL_PATTERN) || email.length() > 320) {
            errors.add("email '" + rawEmail + "' is not an email address");
        } else {
            Integer first = firstRowOfEmail.putIfAbsent(email, rowNumber);
            if (first != null) {
                errors.add("duplicate of row " + first);
            } else if (onRoster.test(email)) {
                errors.add("already on the roster");
            }
        }
        if (name.isEmpty()) {
            errors.add("name is missing");
        } else if (name.length() > 200) {
            errors.add("name is longer than 200 characters");
        }
        String status = givenStatus.isEmpty() ? ClientStatus.LEAD.dbValue() : givenStatus;
        if (Arrays.stream(ClientStatus.values()).noneMatch(s -> s.dbValue().equals(status))) {
            errors.add("status must be one of " + STATUSES);
        }
        if (tags.size() > MAX_TAGS) {
            errors.add("at most " + MAX_TAGS + " tags, this row has " + tags.size());
        }
        if (tags.stream().anyMatch(tag -> tag.length() > 50)) {
            errors.add("a tag is longer than 50 characters");
        }
        if (goal.length() > 500) {
            errors.add("goal is longer than 500 characters");
        }
        BigDecimal km = null;
        if (!weeklyKm.isEmpty()) {
            try {
                km = new BigDecimal(weeklyKm);
                if (km.signum() < 0 || km.compareTo(BigDecimal.valueOf(1000)) > 0 || km.scale() > 1) {
                    errors.add("weekly_km must be a number from 0 to 1000 with at most one decimal");
                    km = null;
                }
            } catch (NumberFormatException e) {
                errors.add("weekly_km '" + weeklyKm + "' is not a number");
            }
        }
        if (cells.size() > headerWidth
                && cells.subList(headerWidth, cells.size()).stream().anyMatch(c -> !c.isBlank())) {
            errors.add("has " + cells.size() + " cells but the header has " + headerWidth);
        }
        return new ImportRow(rowNumber, email, name, status, tags, goal.isEmpty() ? null : goal, km, errors, null);
    }

    /** A cell of the row by column name, trimmed and with an export's formula guard removed. */
    private static String cell(List<String> cells, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= cells.size()) {
            return "";
        }
        return Csv.unguard(cells.get(index).strip());
    }
}
