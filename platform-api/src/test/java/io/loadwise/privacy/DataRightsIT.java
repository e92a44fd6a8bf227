package io.loadwise.privacy;

import static io.loadwise.jooq.Tables.ACCOUNT_TOKENS;
import static io.loadwise.jooq.Tables.AUDIT_LOG;
import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_CONSENTS;
import static io.loadwise.jooq.Tables.CLIENT_FLAGS;
import static io.loadwise.jooq.Tables.CLIENT_INJURIES;
import static io.loadwise.jooq.Tables.CLIENT_NOTES;
import static io.loadwise.jooq.Tables.ERASURES;
import static io.loadwise.jooq.Tables.INTAKE_SUBMISSIONS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.MESSAGES;
import static io.loadwise.jooq.Tables.MESSAGE_READS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.privacy.DataRightsFixture.Person;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Table;
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

/**
 * Data export, erasure and break-glass through the API, with real Keycloak accounts (erasure
 * deletes one) and PostgreSQL under row level security.
 */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataRightsIT {

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
    String adminLogin;

    DataRightsFixture stride;
    DataRightsFixture other;
    String run;
    String coachLogin;
    UUID coach;
    Person jess;
    Person kim;
    Person otherClient;

    @BeforeAll
    void adminAndApi() {
        keycloakData = KeycloakTestData.of(keycloak);
        api = new ApiClient(Integer.parseInt(environment.getProperty("local.server.port")));
        adminLogin = "platform-admin-" + UUID.randomUUID().toString().substring(0, 8);
        keycloakData.createUser(adminLogin, DataRightsFixture.PASSWORD, null, "platform-admin");
    }

    @AfterAll
    void close() {
        keycloakData.close();
    }

    @BeforeEach
    void twoBusinessesWithClientsWhoHaveHistory() {
        run = UUID.randomUUID().toString().substring(0, 8);
        stride = DataRightsFixture.business(keycloakData, "Stride");
        coachLogin = "stride-coach-" + run;
        coach = stride.coach(coachLogin, "coach");
        jess = stride.client("jess-" + run, "Jess Moreno", coach);
        kim = stride.client("kim-" + run, "Kim Other", coach);
        history(stride, jess, "Jess");
        history(stride, kim, "Kim");
        other = DataRightsFixture.business(keycloakData, "Other");
        UUID otherCoach = other.coach("other-coach-" + run, "owner");
        otherClient = other.client("zed-" + run, "Zed Elsewhere", otherCoach);
        history(other, otherClient, "Zed");
    }

    @Test
    void a_client_downloads_everything_about_herself_and_nothing_about_anyone_else() throws Exception {
        HttpResponse<byte[]> response = api.getBytes("/api/v1/me/export", token(jess.login()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        Map<String, String> files = unzip(response.body());
        assertThat(files)
                .containsOnlyKeys("data.json", "messages.csv", "intake.csv", "check-ins.csv", "session-logs.csv");
        JsonNode data = json.readTree(files.get("data.json"));
        assertThat(data.get("profile").get("name").asString()).isEqualTo("Jess Moreno");
        assertThat(data.get("profile").get("tags").toString()).isEqualTo("[\"masters\",\"Jess-tag\"]");
        assertThat(data.get("profile").get("menopausalStatus").asString()).isEqualTo("perimenopausal");
        assertThat(data.get("injuries").get(0).get("condition").asString())
                .isEqualTo("Jess proximal hamstring tendinopathy");
        assertThat(data.get("consents").get(0).get("wording").asString())
                .isEqualTo("Jess agrees that her coach records her menopausal status.");
        assertThat(data.get("intake").get(0).get("answers").toString()).contains("Jess runs 40 km");
        assertThat(data.get("messages")).hasSize(2);
        assertThat(data.get("messages").get(0).get("from").asString()).isEqualTo("client");
        assertThat(data.get("coachNotes").get(0).get("body").asString()).isEqualTo("Jess private note");
        assertThat(data.get("flags").get(0).get("kind").asString()).isEqualTo("pain_spike");
        assertThat(files.get("messages.csv"))
                .startsWith("sent_at,from,message\r\n")
                .contains("Jess asks about long runs")
                .contains("Coach " + coachLogin);
        assertThat(files.get("intake.csv")).contains("Weekly volume?,Jess runs 40 km");
        String everything = String.join("\n", files.values());
        assertThat(everything).doesNotContain("Kim", "Zed");
        assertThat(audit(stride, "data-exported")).isEqualTo(1);
    }

    @Test
    void a_coach_exports_a_client_they_coach_but_gets_404_for_another_businesss_client() throws Exception {
        HttpResponse<byte[]> mine = api.getBytes("/api/v1/clients/" + kim.clientId() + "/export", token(coachLogin));
        HttpResponse<byte[]> foreign =
                api.getBytes("/api/v1/clients/" + otherClient.clientId() + "/export", token(coachLogin));

        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json.readTree(unzip(mine.body()).get("data.json"))
                        .get("profile")
                        .get("name")
                        .asString())
                .isEqualTo("Kim Other");
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    void erasure_removes_personal_and_health_data_everywhere_and_the_login_and_says_what_was_kept() throws Exception {
        HttpResponse<String> response =
                api.post("/api/v1/clients/" + jess.clientId() + "/erasure", token(coachLogin), null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode summary = json.readTree(response.body());
        assertThat(summary.get("alreadyErased").asBoolean()).isFalse();
        Map<String, Integer> removed = new LinkedHashMap<>();
        summary.get("removed")
                .forEach(r ->
                        removed.put(r.get("category").asString(), r.get("count").asInt()));
        assertThat(removed)
                .containsEntry("profile", 1)
                .containsEntry("injuries", 1)
                .containsEntry("consents", 1)
                .containsEntry("intake", 1)
                .containsEntry("messages", 2)
                .containsEntry("coachNotes", 1)
                .containsEntry("flags", 1);
        List<String> kept = summary.get("kept")
                .valueStream()
                .map(k -> k.get("what").asString())
                .toList();
        assertThat(kept).contains("roster entry", "invoices and orders", "audit log", "erasure record");
        assertThat(summary.get("kept").get(1).get("why").asString()).contains("10 years");

        for (Table<?> table : List.of(
                CLIENT_INJURIES,
                CLIENT_CONSENTS,
                CLIENT_NOTES,
                INTAKE_SUBMISSIONS,
                MESSAGES,
                MESSAGE_READS,
                CLIENT_FLAGS)) {
            assertThat(count(stride, table, jess.clientId()))
                    .as(table.getName())
                    .isZero();
            assertThat(count(stride, table, kim.clientId()))
                    .as(table.getName() + " of Kim")
                    .isPositive();
        }
        var row = read(stride, () -> db.selectFrom(CLIENTS)
                .where(CLIENTS.ID.eq(jess.clientId()))
                .fetchSingle());
        assertThat(row.getDisplayName()).isEqualTo("Erased client");
        assertThat(row.getEmail()).isEqualTo("erased+" + jess.clientId() + "@invalid.example");
        assertThat(row.getTags()).isEmpty();
        assertThat(row.getGoal()).isNull();
        assertThat(row.getMenopausalStatus()).isNull();
        assertThat(row.getAgeGroup()).isNull();
        assertThat(row.getWeeklyVolumeKm()).isNull();
        assertThat(row.getRaces()).isNull();
        assertThat(row.getErasedAt()).isNotNull();
        var member = read(stride, () -> db.selectFrom(MEMBERS)
                .where(MEMBERS.ID.eq(jess.memberId()))
                .fetchSingle());
        assertThat(member.getDisplayName()).isEqualTo("Erased client");
        assertThat(member.getEmail()).endsWith("@invalid.example");
        assertThat(member.getUserId()).isNotEqualTo(jess.userId());
        assertThat(read(stride, () -> db.fetchCount(ACCOUNT_TOKENS, ACCOUNT_TOKENS.MEMBER_ID.eq(jess.memberId()))))
                .isZero();
        assertThatThrownBy(() -> keycloakData
                        .realm()
                        .users()
                        .get(jess.userId().toString())
                        .toRepresentation())
                .isInstanceOf(jakarta.ws.rs.NotFoundException.class);
        assertThat(keycloakData
                        .realm()
                        .users()
                        .get(kim.userId().toString())
                        .toRepresentation()
                        .getEmail())
                .isNotBlank();
        assertThat(read(stride, () -> db.fetchCount(ERASURES, ERASURES.CLIENT_ID.eq(jess.clientId()))))
                .isEqualTo(1);
        assertThat(audit(stride, "client-erased")).isEqualTo(1);
    }

    @Test
    void erasing_twice_is_harmless_and_answers_the_first_summary() throws Exception {
        String path = "/api/v1/clients/" + jess.clientId() + "/erasure";
        JsonNode first = json.readTree(api.post(path, token(coachLogin), null).body());

        HttpResponse<String> second = api.post(path, token(coachLogin), null);

        assertThat(second.statusCode()).isEqualTo(200);
        JsonNode again = json.readTree(second.body());
        assertThat(again.get("alreadyErased").asBoolean()).isTrue();
        assertThat(again.get("removed")).isEqualTo(first.get("removed"));
        assertThat(read(stride, () -> db.fetchCount(ERASURES, ERASURES.CLIENT_ID.eq(jess.clientId()))))
                .isEqualTo(1);
    }

    @Test
    void a_client_erases_herself_and_her_login_is_gone() throws Exception {
        String token = token(jess.login());

        HttpResponse<String> response = api.post("/api/v1/me/erasure", token, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThatThrownBy(() -> keycloak.tokenFor(jess.login(), DataRightsFixture.PASSWORD))
                .hasMessageContaining("refused");
        // Her still-valid token no longer reaches any client data.
        assertThat(api.getBytes("/api/v1/me/export", token).statusCode()).isEqualTo(404);
    }

    @Test
    void another_businesss_client_cannot_be_erased() {
        HttpResponse<String> response =
                api.post("/api/v1/clients/" + otherClient.clientId() + "/erasure", token(coachLogin), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(read(other, () -> db.fetchCount(MESSAGES, MESSAGES.CLIENT_ID.eq(otherClient.clientId()))))
                .isEqualTo(2);
    }

    @Test
    void break_glass_without_a_reason_is_refused_and_nothing_is_audited() {
        String path = "/api/v1/admin/tenants/" + stride.tenant + "/clients/" + jess.clientId() + "/break-glass";

        HttpResponse<String> none = api.post(path, admin(), "{}");
        HttpResponse<String> tooShort = api.post(path, admin(), "{\"reason\":\"support\"}");

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("at least 20 characters");
        assertThat(audit(stride, "break-glass-export")).isZero();
    }

    @Test
    void break_glass_with_a_reason_shows_the_data_and_is_audited_in_the_tenant() throws Exception {
        String reason = "Ticket 4711: client asked support for her data";

        HttpResponse<String> response = api.post(
                "/api/v1/admin/tenants/" + stride.tenant + "/clients/" + jess.clientId() + "/break-glass",
                admin(),
                json.writeValueAsString(Map.of("reason", reason)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("profile").get("name").asString())
                .isEqualTo("Jess Moreno");
        JsonNode log = json.readTree(api.get("/api/v1/admin/tenants/" + stride.tenant + "/audit", admin())
                .body());
        JsonNode entry = log.get(0);
        assertThat(entry.get("action").asString()).isEqualTo("break-glass-export");
        assertThat(entry.get("actorRole").asString()).isEqualTo("platform-admin");
        assertThat(entry.get("reason").asString()).isEqualTo(reason);
        assertThat(entry.get("subjectId").asString()).isEqualTo(jess.clientId().toString());
        assertThat(entry.get("detail").asString()).contains("injuries", "messages");
        assertThat(audit(other, "break-glass-export")).isZero();
    }

    @Test
    void a_platform_admin_sees_ids_and_counts_but_never_reaches_client_data_otherwise() throws Exception {
        JsonNode overview = json.readTree(api.get("/api/v1/admin/tenants/" + stride.tenant + "/clients", admin())
                .body());
        assertThat(overview.get("statusCounts").get("active").asInt()).isEqualTo(2);
        assertThat(overview.toString()).doesNotContain("Jess", "jess");

        assertThat(api.get("/api/v1/clients", admin()).statusCode()).isEqualTo(403);
        assertThat(api.getBytes("/api/v1/clients/" + jess.clientId() + "/export", admin())
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.getBytes("/api/v1/clients/export.csv", admin()).statusCode())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/clients/" + jess.clientId() + "/erasure", admin(), null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.getBytes("/api/v1/me/export", admin()).statusCode()).isEqualTo(403);
        // And no one else reaches the admin endpoints.
        assertThat(api.get("/api/v1/admin/tenants/" + stride.tenant + "/audit", token(coachLogin))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void break_glass_for_a_client_of_another_tenant_is_not_found() {
        HttpResponse<String> response = api.post(
                "/api/v1/admin/tenants/" + stride.tenant + "/clients/" + otherClient.clientId() + "/break-glass",
                admin(),
                "{\"reason\":\"Ticket 4712: checking a reported data issue\"}");

        assertThat(response.statusCode()).isEqualTo(404);
    }

    /** Health data, messages, notes, intake and a pending invite for one client. */
    private void history(DataRightsFixture business, Person client, String who) {
        OffsetDateTime now = OffsetDateTime.now();
        UUID tenant = business.tenant.value();
        UUID author = read(business, () -> db.select(CLIENTS.COACH_ID)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client.clientId()))
                .fetchSingle(CLIENTS.COACH_ID));
        TestTenants.seed(business.tenant, db -> {
            db.update(CLIENTS)
                    .set(CLIENTS.TAGS, new String[] {"masters", who + "-tag"})
                    .set(CLIENTS.AGE_GROUP, "masters_40")
                    .set(CLIENTS.MENOPAUSAL_STATUS, "perimenopausal")
                    .set(CLIENTS.WEEKLY_VOLUME_KM, new java.math.BigDecimal("40.0"))
                    .set(CLIENTS.RACES, who + " ran Berlin 2025")
                    .set(CLIENTS.GOAL, who + " wants a sub-4 marathon")
                    .where(CLIENTS.ID.eq(client.clientId()))
                    .execute();
            db.insertInto(CLIENT_INJURIES)
                    .set(CLIENT_INJURIES.TENANT_ID, tenant)
                    .set(CLIENT_INJURIES.ID, UUID.randomUUID())
                    .set(CLIENT_INJURIES.CLIENT_ID, client.clientId())
                    .set(CLIENT_INJURIES.CONDITION, who + " proximal hamstring tendinopathy")
                    .set(CLIENT_INJURIES.SIDE, "left")
                    .set(CLIENT_INJURIES.SINCE, LocalDate.of(2025, 3, 1))
                    .set(CLIENT_INJURIES.CREATED_AT, now)
                    .execute();
            db.insertInto(CLIENT_CONSENTS)
                    .set(CLIENT_CONSENTS.TENANT_ID, tenant)
                    .set(CLIENT_CONSENTS.ID, UUID.randomUUID())
                    .set(CLIENT_CONSENTS.CLIENT_ID, client.clientId())
                    .set(CLIENT_CONSENTS.PURPOSE, "menopausal_status")
                    .set(CLIENT_CONSENTS.WORDING, who + " agrees that her coach records her menopausal status.")
                    .set(CLIENT_CONSENTS.GRANTED_AT, now)
                    .set(CLIENT_CONSENTS.GRANTED_BY, client.userId())
                    .execute();
            db.insertInto(CLIENT_NOTES)
                    .set(CLIENT_NOTES.TENANT_ID, tenant)
                    .set(CLIENT_NOTES.ID, UUID.randomUUID())
                    .set(CLIENT_NOTES.CLIENT_ID, client.clientId())
                    .set(CLIENT_NOTES.AUTHOR_ID, author)
                    .set(CLIENT_NOTES.BODY, who + " private note")
                    .set(CLIENT_NOTES.CREATED_AT, now)
                    .set(CLIENT_NOTES.UPDATED_AT, now)
                    .execute();
            db.insertInto(CLIENT_FLAGS)
                    .set(CLIENT_FLAGS.TENANT_ID, tenant)
                    .set(CLIENT_FLAGS.CLIENT_ID, client.clientId())
                    .set(CLIENT_FLAGS.KIND, "pain_spike")
                    .set(CLIENT_FLAGS.DETAIL, who + " pain 7/10")
                    .set(CLIENT_FLAGS.RAISED_AT, now)
                    .execute();
            db.insertInto(INTAKE_SUBMISSIONS)
                    .set(INTAKE_SUBMISSIONS.TENANT_ID, tenant)
                    .set(INTAKE_SUBMISSIONS.ID, UUID.randomUUID())
                    .set(INTAKE_SUBMISSIONS.CLIENT_ID, client.clientId())
                    .set(
                            INTAKE_SUBMISSIONS.ANSWERS,
                            JSONB.valueOf("[{\"question\":\"Weekly volume?\",\"answer\":\"" + who + " runs 40 km\"}]"))
                    .set(INTAKE_SUBMISSIONS.SUBMITTED_AT, now)
                    .execute();
            db.insertInto(MESSAGES)
                    .set(MESSAGES.TENANT_ID, tenant)
                    .set(MESSAGES.ID, UUID.randomUUID())
                    .set(MESSAGES.CLIENT_ID, client.clientId())
                    .set(MESSAGES.AUTHOR_ID, client.memberId())
                    .set(MESSAGES.BODY, who + " asks about long runs")
                    .set(MESSAGES.CREATED_AT, now)
                    .execute();
            db.insertInto(MESSAGES)
                    .set(MESSAGES.TENANT_ID, tenant)
                    .set(MESSAGES.ID, UUID.randomUUID())
                    .set(MESSAGES.CLIENT_ID, client.clientId())
                    .set(MESSAGES.AUTHOR_ID, author)
                    .set(MESSAGES.BODY, "Keep them easy, " + who)
                    .set(MESSAGES.CREATED_AT, now.plusSeconds(60))
                    .execute();
            db.insertInto(MESSAGE_READS)
                    .set(MESSAGE_READS.TENANT_ID, tenant)
                    .set(MESSAGE_READS.CLIENT_ID, client.clientId())
                    .set(MESSAGE_READS.MEMBER_ID, client.memberId())
                    .set(MESSAGE_READS.LAST_READ_AT, now)
                    .execute();
            db.insertInto(ACCOUNT_TOKENS)
                    .set(ACCOUNT_TOKENS.TENANT_ID, tenant)
                    .set(ACCOUNT_TOKENS.ID, UUID.randomUUID())
                    .set(ACCOUNT_TOKENS.MEMBER_ID, client.memberId())
                    .set(ACCOUNT_TOKENS.PURPOSE, "invite")
                    .set(ACCOUNT_TOKENS.SECRET_HASH, new byte[] {1, 2, 3})
                    .set(ACCOUNT_TOKENS.CREATED_AT, now)
                    .set(ACCOUNT_TOKENS.EXPIRES_AT, now.plusDays(7))
                    .execute();
        });
    }

    private int count(DataRightsFixture business, Table<?> table, UUID client) {
        return read(
                business,
                () -> db.fetchCount(table, table.field("client_id", UUID.class).eq(client)));
    }

    private int audit(DataRightsFixture business, String action) {
        return read(business, () -> db.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq(action)));
    }

    private <T> T read(DataRightsFixture business, java.util.function.Supplier<T> query) {
        return TenantContext.callAs(business.tenant, () -> tx.execute(s -> query.get()));
    }

    private String token(String login) {
        return keycloak.tokenFor(login, DataRightsFixture.PASSWORD);
    }

    private String admin() {
        return keycloak.tokenFor(adminLogin, DataRightsFixture.PASSWORD);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
