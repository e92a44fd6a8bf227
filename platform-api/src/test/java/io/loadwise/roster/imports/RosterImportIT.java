package io.loadwise.roster.imports;

import static io.loadwise.jooq.Tables.CLIENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.privacy.ApiClient;
import io.loadwise.privacy.DataRightsFixture;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Roster CSV import and export through the API, with real Keycloak tokens and PostgreSQL. */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterImportIT {

    static final String CSV = """
            email,name,status,tags,goal,weekly_km
            ana@example.com,Ana Lima,active,masters|trail,Sub-3 marathon,42.5
            not-an-email,Bad Email,lead,,,
            ben@example.com,<b>Ben</b> <script>alert(1)</script>,paused,,,
            ANA@example.com,Ana Again,lead,,,
            cleo@example.com,Cleo Park,retired,,,
            dora@example.com,Dora Existing,lead,,,
            eve@example.com,Eve Stone,,road,,not-a-number
            """;

    @Autowired
    Environment environment;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    final JsonMapper json = JsonMapper.builder().build();
    final KeycloakServer keycloak = TestInfrastructure.keycloak();
    KeycloakTestData keycloakData;
    ApiClient api;
    DataRightsFixture business;
    String coachLogin;
    UUID coachMember;
    String ownerLogin;

    @BeforeAll
    void adminClient() {
        keycloakData = KeycloakTestData.of(keycloak);
        api = new ApiClient(Integer.parseInt(environment.getProperty("local.server.port")));
    }

    @AfterAll
    void close() {
        keycloakData.close();
    }

    @BeforeEach
    void aBusinessWithACoachAndOneClientAlready() {
        business = DataRightsFixture.business(keycloakData, "Import Running");
        String run = UUID.randomUUID().toString().substring(0, 8);
        coachLogin = "import-coach-" + run;
        ownerLogin = "import-owner-" + run;
        coachMember = business.coach(coachLogin, "coach");
        business.coach(ownerLogin, "owner");
        business.rosterClient(null, "Dora Existing", "dora@example.com", null);
    }

    @Test
    void a_csv_with_good_and_bad_rows_gets_an_exact_report_and_nothing_is_imported_before_confirming()
            throws Exception {
        HttpResponse<String> response = upload(CSV.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode report = json.readTree(response.body());
        assertThat(report.get("status").asString()).isEqualTo("validated");
        assertThat(report.get("totalRows").asInt()).isEqualTo(7);
        assertThat(report.get("validRows").asInt()).isEqualTo(2);
        assertThat(rowErrors(report))
                .containsExactly(
                        "2: ok",
                        "3: email 'not-an-email' is not an email address",
                        "4: ok",
                        "5: duplicate of row 2",
                        "6: status must be one of lead, active, paused, alumni",
                        "7: already on the roster",
                        "8: weekly_km 'not-a-number' is not a number");
        // Names are data, kept as typed: escaping is the business of whoever shows them.
        assertThat(report.get("rows").get(2).get("name").asString()).isEqualTo("<b>Ben</b> <script>alert(1)</script>");
        assertThat(report.get("rows").get(0).get("tags").toString()).isEqualTo("[\"masters\",\"trail\"]");
        assertThat(rosterEmails()).containsExactly("dora@example.com");

        HttpResponse<String> again =
                api.get("/api/v1/clients/imports/" + report.get("id").asString(), coach());
        assertThat(json.readTree(again.body()).get("rows").size()).isEqualTo(7);
    }

    @Test
    void confirming_imports_only_the_good_rows_and_confirming_twice_adds_nothing() throws Exception {
        String id = json.readTree(upload(CSV.getBytes(StandardCharsets.UTF_8)).body())
                .get("id")
                .asString();

        HttpResponse<String> confirmed = api.post("/api/v1/clients/imports/" + id + "/confirm", coach(), null);
        HttpResponse<String> twice = api.post("/api/v1/clients/imports/" + id + "/confirm", coach(), null);

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode result = json.readTree(confirmed.body());
        assertThat(result.get("status").asString()).isEqualTo("imported");
        assertThat(result.get("importedRows").asInt()).isEqualTo(2);
        assertThat(twice.statusCode()).isEqualTo(200);
        assertThat(json.readTree(twice.body()).get("importedRows").asInt()).isEqualTo(2);
        assertThat(rosterEmails()).containsExactly("ana@example.com", "ben@example.com", "dora@example.com");
        var ana = TenantContext.callAs(
                business.tenant,
                () -> tx.execute(s -> db.selectFrom(CLIENTS)
                        .where(CLIENTS.EMAIL.eq("ana@example.com"))
                        .fetchSingle()));
        assertThat(ana.getMemberId()).isNull();
        assertThat(ana.getCoachId()).isEqualTo(coachMember);
        assertThat(ana.getStatus()).isEqualTo("active");
        assertThat(ana.getTags()).containsExactly("masters", "trail");
        assertThat(ana.getWeeklyVolumeKm()).isEqualByComparingTo("42.5");
        assertThat(ana.getGoal()).isEqualTo("Sub-3 marathon");
    }

    @Test
    void rows_that_reached_the_roster_after_the_check_are_skipped_and_reported() throws Exception {
        String id = json.readTree(upload(CSV.getBytes(StandardCharsets.UTF_8)).body())
                .get("id")
                .asString();
        business.rosterClient(null, "Ben Meanwhile", "ben@example.com", null);

        JsonNode result = json.readTree(api.post("/api/v1/clients/imports/" + id + "/confirm", coach(), null)
                .body());

        assertThat(result.get("importedRows").asInt()).isEqualTo(1);
        assertThat(result.get("skippedRows").asInt()).isEqualTo(1);
        assertThat(result.get("rows").get(2).get("outcome").asString())
                .isEqualTo("skipped: already on the roster (added since the file was checked)");
        assertThat(result.get("rows").get(0).get("outcome").asString()).isEqualTo("imported");
    }

    @Test
    void a_discarded_import_cannot_be_confirmed() throws Exception {
        String id = json.readTree(upload(CSV.getBytes(StandardCharsets.UTF_8)).body())
                .get("id")
                .asString();

        assertThat(api.delete("/api/v1/clients/imports/" + id, coach()).statusCode())
                .isEqualTo(204);
        HttpResponse<String> confirm = api.post("/api/v1/clients/imports/" + id + "/confirm", coach(), null);

        assertThat(confirm.statusCode()).isEqualTo(409);
        assertThat(rosterEmails()).containsExactly("dora@example.com");
    }

    @Test
    void semicolons_and_a_byte_order_mark_are_understood() throws Exception {
        byte[] csv = ("\uFEFFEmail;Name;Tags\r\nfay@example.com;\"Fay; the runner\";a|b\r\n")
                .getBytes(StandardCharsets.UTF_8);

        JsonNode report = json.readTree(upload(csv).body());

        assertThat(rowErrors(report)).containsExactly("2: ok");
        assertThat(report.get("rows").get(0).get("name").asString()).isEqualTo("Fay; the runner");
        assertThat(report.get("rows").get(0).get("status").asString()).isEqualTo("lead");
    }

    @Test
    void a_file_over_2_mib_is_refused_with_a_413_problem() throws Exception {
        StringBuilder csv = new StringBuilder("email,name,goal\n");
        String goal = "x".repeat(400);
        for (int i = 0; csv.length() <= 2 * 1024 * 1024; i++) {
            csv.append("runner")
                    .append(i)
                    .append("@example.com,Runner ")
                    .append(i)
                    .append(',')
                    .append(goal)
                    .append('\n');
        }

        HttpResponse<String> response = upload(csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("at most 2097152 bytes");
    }

    @Test
    void a_file_with_more_than_5000_rows_is_refused_with_a_400_problem() throws Exception {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 0; i <= 5000; i++) {
            csv.append("r").append(i).append("@example.com,R").append(i).append('\n');
        }

        HttpResponse<String> response = upload(csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("at most 5000");
    }

    @Test
    void a_file_without_the_required_columns_is_refused_with_a_400_problem() throws Exception {
        HttpResponse<String> response = upload("mail,fullname\nx@example.com,X\n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("Unknown column 'mail'");
    }

    @Test
    void the_csv_export_guards_formulas_and_imports_back_unchanged() throws Exception {
        business.rosterClient(null, "=HYPERLINK(\"http://evil.example\")", "gus@example.com", null);
        business.rosterClient(null, "+Plus, \"quoted\"", "hal@example.com", null);

        HttpResponse<byte[]> export = api.getBytes("/api/v1/clients/export.csv", owner());

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String text = new String(export.body(), StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("\uFEFFemail,name,status,tags,goal,weekly_km\r\n")
                .contains("gus@example.com,\"'=HYPERLINK(\"\"http://evil.example\"\")\",active,,,\r\n")
                .contains("hal@example.com,\"'+Plus, \"\"quoted\"\"\",active,,,\r\n");

        // Round trip: the exported file, imported into another business, yields the same rows.
        DataRightsFixture other = DataRightsFixture.business(keycloakData, "Round Trip");
        String otherCoach = "roundtrip-" + UUID.randomUUID().toString().substring(0, 8);
        other.coach(otherCoach, "owner");
        JsonNode report = json.readTree(api.upload(
                        "/api/v1/clients/imports",
                        keycloak.tokenFor(otherCoach, DataRightsFixture.PASSWORD),
                        "roster.csv",
                        export.body())
                .body());
        assertThat(report.get("validRows").asInt()).isEqualTo(3);
        List<String> names = new ArrayList<>();
        report.get("rows").forEach(r -> names.add(r.get("name").asString()));
        assertThat(names)
                .containsExactlyInAnyOrder("Dora Existing", "=HYPERLINK(\"http://evil.example\")", "+Plus, \"quoted\"");
    }

    @Test
    void a_coach_exports_only_the_clients_they_coach() throws Exception {
        business.rosterClient(null, "Mine", "mine@example.com", coachMember);

        String text =
                new String(api.getBytes("/api/v1/clients/export.csv", coach()).body(), StandardCharsets.UTF_8);

        assertThat(text).contains("mine@example.com").doesNotContain("dora@example.com");
    }

    @Test
    void another_coachs_import_is_not_found() throws Exception {
        String id = json.readTree(upload(CSV.getBytes(StandardCharsets.UTF_8)).body())
                .get("id")
                .asString();
        String otherCoach = "import-other-" + UUID.randomUUID().toString().substring(0, 8);
        business.coach(otherCoach, "coach");

        assertThat(api.get("/api/v1/clients/imports/" + id, keycloak.tokenFor(otherCoach, DataRightsFixture.PASSWORD))
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/clients/imports/" + id, owner()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void erasing_an_imported_client_blanks_her_row_in_the_import_report() throws Exception {
        String id = json.readTree(upload(CSV.getBytes(StandardCharsets.UTF_8)).body())
                .get("id")
                .asString();
        api.post("/api/v1/clients/imports/" + id + "/confirm", coach(), null);
        UUID ana = TenantContext.callAs(
                business.tenant,
                () -> tx.execute(s -> db.select(CLIENTS.ID)
                        .from(CLIENTS)
                        .where(CLIENTS.EMAIL.eq("ana@example.com"))
                        .fetchSingle(CLIENTS.ID)));

        HttpResponse<String> erased = api.post("/api/v1/clients/" + ana + "/erasure", owner(), null);

        assertThat(erased.body()).contains("{\"category\":\"importReports\",\"count\":2}");
        JsonNode report =
                json.readTree(api.get("/api/v1/clients/imports/" + id, coach()).body());
        assertThat(report.toString()).doesNotContain("ana@example.com", "Ana Lima", "Sub-3 marathon");
        assertThat(report.get("rows").get(0).get("outcome").asString()).isEqualTo("imported");
    }

    private HttpResponse<String> upload(byte[] csv) {
        return api.upload("/api/v1/clients/imports", coach(), "clients.csv", csv);
    }

    private String coach() {
        return keycloak.tokenFor(coachLogin, DataRightsFixture.PASSWORD);
    }

    private String owner() {
        return keycloak.tokenFor(ownerLogin, DataRightsFixture.PASSWORD);
    }

    private List<String> rowErrors(JsonNode report) {
        List<String> lines = new ArrayList<>();
        report.get("rows").forEach(row -> {
            List<String> errors = new ArrayList<>();
            row.get("errors").forEach(e -> errors.add(e.asString()));
            lines.add(row.get("row").asInt() + ": " + (errors.isEmpty() ? "ok" : String.join("; ", errors)));
        });
        return lines;
    }

    private List<String> rosterEmails() {
        return TenantContext.callAs(
                business.tenant,
                () -> tx.execute(s -> db.select(CLIENTS.EMAIL)
                        .from(CLIENTS)
                        .orderBy(CLIENTS.EMAIL)
                        .fetch(CLIENTS.EMAIL)));
    }
}
