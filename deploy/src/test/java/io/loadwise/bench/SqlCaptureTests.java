package io.loadwise.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlCaptureTests {

    private static final String TENANT = "0b8e2c4e-1111-4222-8333-944455556666";
    private static final String OTHER = "9f000000-0000-4000-8000-000000000001";

    private static String line(int pid, String vxid, String message, String detail) {
        return "{\"timestamp\":\"2026-11-27 13:00:00.000 UTC\",\"user\":\"loadwise_app\",\"pid\":" + pid
                + ",\"vxid\":\"" + vxid + "\",\"error_severity\":\"LOG\",\"message\":\""
                + message.replace("\"", "\\\"") + "\"" + (detail == null ? "" : ",\"detail\":\"" + detail + "\"")
                + "}";
    }

    private static final List<String> LOG = List.of(
            line(7, "9/1", "statement: SELECT 'loadwise-bench-capture:round 2 tenant 0'", null),
            line(42, "3/10", "execute S_1: BEGIN READ ONLY", null),
            line(
                    42,
                    "3/10",
                    "execute S_2: select set_config('app.tenant_id', $1, true)",
                    "Parameters: $1 = '" + TENANT + "'"),
            // The pool's connection check between statements: no SQL, not part of the request.
            line(42, "3/11", "statement: ", null),
            line(
                    42,
                    "3/10",
                    "execute S_3: select c.id from clients c where c.display_name > $1 and c.note = $2" + " limit $10",
                    "parameters: $1 = 'O''Brien', $2 = NULL, $3 = '3', $4 = '4', $5 = '5', $6 = '6', $7 = '7',"
                            + " $8 = '8', $9 = '9', $10 = '51'"),
            line(42, "3/10", "execute S_4: COMMIT", null),
            // Someone else's transaction in the same window: not part of the request.
            line(43, "4/2", "execute <unnamed>: select set_config('app.tenant_id', $1, true)", "parameters: $1 = ''"),
            line(43, "4/2", "execute <unnamed>: select 1 from event_publication", null),
            line(7, "9/2", "statement: SELECT 'loadwise-bench-capture:round 2 tenant 1'", null),
            line(44, "5/1", "execute S_1: BEGIN", null),
            line(
                    44,
                    "5/1",
                    "execute S_2: select set_config('app.tenant_id', $1, true)",
                    "parameters: $1 = '" + OTHER + "'"),
            line(44, "5/1", "execute S_4: COMMIT", null));

    @Test
    void the_script_is_the_tenants_transaction_with_its_parameters_written_in() {
        String script = SqlCapture.pgbenchScript(LOG, "round 2 tenant 0", TENANT);

        assertThat(script)
                .isEqualTo("BEGIN READ ONLY;\n"
                        + "select set_config('app.tenant_id', '" + TENANT + "', true);\n"
                        + "select c.id from clients c where c.display_name > 'O''Brien' and c.note = NULL"
                        + " limit '51';\n"
                        + "COMMIT;\n");
    }

    @Test
    void a_transaction_logged_without_its_begin_or_commit_is_completed() {
        List<String> log = List.of(
                line(7, "9/1", "statement: SELECT 'loadwise-bench-capture:round 2 tenant 0'", null),
                line(
                        42,
                        "3/10",
                        "execute S_2: select set_config('app.tenant_id', $1, true)",
                        "parameters: $1 = '" + TENANT + "'"));

        assertThat(SqlCapture.pgbenchScript(log, "round 2 tenant 0", TENANT))
                .startsWith("BEGIN;\n")
                .endsWith("COMMIT;\n");
    }

    @Test
    void a_request_that_never_reached_the_database_is_an_error() {
        assertThatThrownBy(() -> SqlCapture.pgbenchScript(LOG, "round 2 tenant 1", TENANT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(TENANT);
    }

    @Test
    void parameter_values_keep_quotes_commas_and_nulls() {
        assertThat(SqlCapture.parameters("$1 = 'a, b', $2 = NULL, $3 = 'it''s'"))
                .isEqualTo(Arrays.asList("a, b", null, "it's"));
    }
}
