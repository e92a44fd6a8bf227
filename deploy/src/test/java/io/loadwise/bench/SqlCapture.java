package io.loadwise.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns PostgreSQL's statement log (JSON lines, {@code log_statement = all}) of one request into a
 * pgbench script: the request's transactions, statement by statement, in the order the application
 * sent them, with the bind parameters it sent written in as literals.
 *
 * <p>Captured rather than copied by hand so the ceiling always runs whatever SQL the endpoint runs
 * today, however its query changes.
 */
final class SqlCapture {

    static final String MARKER = "loadwise-bench-capture:";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EXECUTE = Pattern.compile("^(?:execute [^:]*|statement): (.*)$", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\d+)");

    private SqlCapture() {}

    /** One statement as the server logged it: who ran it, in which transaction, with which parameters. */
    record Logged(int pid, String transaction, String sql) {}

    /**
     * The pgbench script of the request logged after the marker {@code label}: every transaction
     * of it that ran with {@code tenantId} bound, and nothing the server logged for anyone else.
     *
     * @throws IllegalStateException when the log holds no such transaction
     */
    static String pgbenchScript(List<String> jsonLines, String label, String tenantId) {
        List<Logged> segment = segmentAfter(parse(jsonLines), label);
        Map<String, List<Logged>> transactions = new LinkedHashMap<>();
        for (Logged statement : segment) {
            transactions
                    .computeIfAbsent(statement.pid() + "/" + statement.transaction(), k -> new ArrayList<>())
                    .add(statement);
        }
        StringBuilder script = new StringBuilder();
        for (List<Logged> transaction : transactions.values()) {
            if (transaction.stream().noneMatch(s -> s.sql().contains(tenantId))) {
                continue;
            }
            List<String> statements =
                    new ArrayList<>(transaction.stream().map(Logged::sql).toList());
            if (!startsTransaction(statements.getFirst())) {
                statements.addFirst("BEGIN");
            }
            if (!endsTransaction(statements.getLast())) {
                statements.addLast("COMMIT");
            }
            statements.forEach(sql -> script.append(sql.strip()).append(";\n"));
        }
        if (script.isEmpty()) {
            throw new IllegalStateException("The statement log holds no transaction for tenant " + tenantId
                    + " after marker '" + label + "': did the request reach the database?");
        }
        return script.toString();
    }

    static List<Logged> parse(List<String> jsonLines) {
        List<Logged> statements = new ArrayList<>();
        for (String line : jsonLines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            Matcher matcher = EXECUTE.matcher(text(entry, "message"));
            if (!matcher.matches()) {
                continue;
            }
            String sql = matcher.group(1);
            if (sql.isBlank()) {
                // The pool's connection check: an empty query, not part of any request.
                continue;
            }
            String detail = text(entry, "detail");
            // "Parameters:" since PostgreSQL 16, "parameters:" before.
            if (detail.regionMatches(true, 0, "parameters: ", 0, "parameters: ".length())) {
                sql = inline(sql, parameters(detail.substring("parameters: ".length())));
            }
            statements.add(new Logged(entry.path("pid").asInt(), text(entry, "vxid"), sql));
        }
        return statements;
    }

    private static List<Logged> segmentAfter(List<Logged> statements, String label) {
        List<Logged> segment = new ArrayList<>();
        boolean inside = false;
        for (Logged statement : statements) {
            if (statement.sql().contains(MARKER)) {
                inside = statement.sql().contains(MARKER + label + "'");
            } else if (inside) {
                segment.add(statement);
            }
        }
        return segment;
    }

    /**
     * The values of a {@code parameters:} detail, by position: {@code $1 = 'a''b', $2 = NULL}.
     * A null element is SQL NULL.
     */
    static List<@Nullable String> parameters(String detail) {
        List<@Nullable String> values = new ArrayList<>();
        int i = 0;
        while (i < detail.length()) {
            int equals = detail.indexOf(" = ", i);
            if (equals < 0) {
                break;
            }
            i = equals + 3;
            if (detail.startsWith("NULL", i)) {
                values.add(null);
                i += 4;
            } else if (detail.charAt(i) == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < detail.length()) {
                    char c = detail.charAt(i);
                    if (c == '\'' && i + 1 < detail.length() && detail.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
                values.add(value.toString());
            } else {
                throw new IllegalArgumentException("Unexpected parameter value at " + i + " in: " + detail);
            }
            // Skip the ", " before the next "$n".
            while (i < detail.length() && detail.charAt(i) != '$') {
                i++;
            }
        }
        return values;
    }

    static String inline(String sql, List<@Nullable String> values) {
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int position = Integer.parseInt(matcher.group(1));
            String replacement = matcher.group();
            if (position >= 1 && position <= values.size()) {
                String value = values.get(position - 1);
                replacement = value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean startsTransaction(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("begin") || s.startsWith("start transaction");
    }

    private static boolean endsTransaction(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("commit") || s.startsWith("rollback") || s.startsWith("end");
    }

    private static String text(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node == null || node.isNull() ? "" : node.asString();
    }
}
