package io.loadwise.checkins;

import static io.loadwise.jooq.Tables.CHECK_INS;
import static io.loadwise.jooq.Tables.SESSION_LOGS;
import static io.loadwise.jooq.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.messaging.ApiCalls;
import io.loadwise.messaging.PeopleOfABusiness;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.RevisionRequest;
import io.loadwise.plans.RevisionSource;
import io.loadwise.plans.SessionChange;
import io.loadwise.plans.SessionStatus;
import io.loadwise.plans.StrengthSession;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.HamstringTestPlan;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.testsupport.TopicRecords;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A client logs sessions and checks in through the API, and her coaches read it: real Keycloak
 * tokens, PostgreSQL under row level security, Kafka.
 */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckInsApiIT {

    @LocalServerPort
    int port;

    @Autowired
    PlanStore plans;

    KeycloakTestData keycloakData;
    ApiCalls api;

    @BeforeAll
    void adminClient() {
        keycloakData = KeycloakTestData.of(TestInfrastructure.keycloak());
        api = new ApiCalls(port);
    }

    @AfterAll
    void close() {
        keycloakData.close();
    }

    record Business(PeopleOfABusiness people, PlanSnapshot annPlan, PlanSnapshot beaPlan, LocalDate today) {
        PlanSession annSession(LocalDate date) {
            return annPlan.sessionsBetween(date, date).getFirst();
        }
    }

    Business business() {
        var people = PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "stride");
        // The business keeps UTC (the column's default): its day is the test's UTC day.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Business(
                people,
                HamstringTestPlan.activePlan(plans, people.tenant, people.annClient, today.minusDays(7)),
                HamstringTestPlan.activePlan(plans, people.tenant, people.beaClient, today.minusDays(7)),
                today);
    }

    @Test
    void a_client_logs_her_own_session_and_changes_the_log_with_its_etag() {
        var b = business();
        String ann = b.people().token(b.people().ann);
        PlanSession strength = b.annPlan().sessionsBetween(b.today().minusDays(6), b.today()).stream()
                .filter(s -> s.spec() instanceof StrengthSession)
                .findFirst()
                .orElseThrow();

        HttpResponse<String> logged = api.put(
                ann,
                "/api/v1/me/sessions/" + strength.id() + "/log",
                Map.of(
                        "outcome",
                        "partial",
                        "durationMinutes",
                        35,
                        "rpe",
                        6,
                        "loads",
                        List.of(
                                Map.of("exercise", "Prone hamstring isometric", "sets", 5, "holdSeconds", 45),
                                Map.of(
                                        "exercise",
                                        "Single-leg bridge hold",
                                        "sets",
                                        2,
                                        "holdSeconds",
                                        30,
                                        "loadKg",
                                        10)),
                        "notes",
                        "Stopped the bridges at 2 sets: 4/10 behind the knee."),
                Map.of());
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        assertThat(logged.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode log = api.json(logged);
        assertThat(log.get("outcome").asString()).isEqualTo("partial");
        assertThat(log.get("sessionDate").asString()).isEqualTo(strength.date().toString());
        assertThat(log.get("loads").get(1).get("loadKg").decimalValue()).isEqualByComparingTo("10");
        assertThat(sessionStatus(b, strength)).isEqualTo(SessionStatus.PARTIAL);

        HttpResponse<String> again =
                api.put(ann, "/api/v1/me/sessions/" + strength.id() + "/log", Map.of("outcome", "done"), Map.of());
        assertThat(again.statusCode()).as("a second log needs If-Match").isEqualTo(428);
        HttpResponse<String> stale = api.put(
                ann,
                "/api/v1/me/sessions/" + strength.id() + "/log",
                Map.of("outcome", "done"),
                Map.of("If-Match", "\"7\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        HttpResponse<String> changed = api.put(
                ann,
                "/api/v1/me/sessions/" + strength.id() + "/log",
                Map.of("outcome", "done", "durationMinutes", 40, "rpe", 5),
                Map.of("If-Match", "\"0\""));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(sessionStatus(b, strength)).isEqualTo(SessionStatus.DONE);

        JsonNode mine = api.json(api.get(ann, "/api/v1/me/session-logs"));
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("outcome").asString()).isEqualTo("done");
        assertThat(mine.get(0).get("loads")).as("the change replaced the log").isEmpty();
        assertThat(rows(b, SESSION_LOGS)).isEqualTo(1);
    }

    @Test
    void today_is_the_businesss_day_in_its_time_zone_not_the_servers() {
        var people = PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "kiritimati");
        // UTC+14: from 10:00 UTC on, the business's day is already the next UTC day.
        ZoneId zone = ZoneId.of("Pacific/Kiritimati");
        TestTenants.seed(people.tenant, db -> db.update(TENANTS)
                .set(TENANTS.TIME_ZONE, zone.getId())
                .where(TENANTS.ID.eq(people.tenant.value()))
                .execute());
        LocalDate businessToday = LocalDate.now(zone);
        PlanSnapshot plan =
                HamstringTestPlan.activePlan(plans, people.tenant, people.annClient, businessToday.minusDays(7));
        String ann = people.token(people.ann);

        HttpResponse<String> today = api.put(
                ann,
                "/api/v1/me/sessions/"
                        + plan.sessionsBetween(businessToday, businessToday)
                                .getFirst()
                                .id() + "/log",
                Map.of("outcome", "done"),
                Map.of());
        HttpResponse<String> tomorrow = api.put(
                ann,
                "/api/v1/me/sessions/"
                        + plan.sessionsBetween(businessToday.plusDays(1), businessToday.plusDays(1))
                                .getFirst()
                                .id() + "/log",
                Map.of("outcome", "done"),
                Map.of());
        HttpResponse<String> checkIn = api.post(ann, "/api/v1/me/check-ins", Map.of("morningPain", 1));

        assertThat(today.statusCode()).as(today.body()).isEqualTo(201);
        assertThat(tomorrow.statusCode()).isEqualTo(400);
        assertThat(api.json(checkIn).get("date").asString()).isEqualTo(businessToday.toString());
    }

    @Test
    void another_clients_session_or_an_unknown_one_is_404_and_nothing_is_logged() {
        var b = business();
        String ann = b.people().token(b.people().ann);
        PlanSession beas = b.beaPlan().sessionsBetween(b.today(), b.today()).getFirst();

        HttpResponse<String> foreign =
                api.put(ann, "/api/v1/me/sessions/" + beas.id() + "/log", Map.of("outcome", "done"), Map.of());
        HttpResponse<String> unknown = api.put(
                ann,
                "/api/v1/me/sessions/" + java.util.UUID.randomUUID() + "/log",
                Map.of("outcome", "done"),
                Map.of());

        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(sessionStatus(b, beas)).isEqualTo(SessionStatus.PLANNED);
        assertThat(rows(b, SESSION_LOGS)).isZero();
    }

    @Test
    void a_future_session_or_a_cancelled_one_cannot_be_logged() {
        var b = business();
        String ann = b.people().token(b.people().ann);
        PlanSession tomorrow = b.annSession(b.today().plusDays(1));
        PlanSession yesterday = b.annSession(b.today().minusDays(1));
        TenantContext.runAs(
                b.people().tenant,
                () -> plans.revise(new RevisionRequest(
                        b.annPlan().plan().id(),
                        1,
                        RevisionKind.COACH_EDIT,
                        RevisionSource.COACH,
                        "Rest day after the race",
                        List.of(SessionChange.cancelled(yesterday)),
                        null,
                        null,
                        null,
                        null)));

        HttpResponse<String> future =
                api.put(ann, "/api/v1/me/sessions/" + tomorrow.id() + "/log", Map.of("outcome", "done"), Map.of());
        HttpResponse<String> cancelled =
                api.put(ann, "/api/v1/me/sessions/" + yesterday.id() + "/log", Map.of("outcome", "done"), Map.of());

        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(api.json(future).get("detail").asString()).contains("can't log a session before its day");
        assertThat(cancelled.statusCode()).isEqualTo(400);
        assertThat(api.json(cancelled).get("detail").asString()).contains("cancelled (Rest day after the race)");
        assertThat(rows(b, SESSION_LOGS)).isZero();
    }

    @Test
    void pain_out_of_range_is_400_naming_the_field_and_nothing_is_stored() {
        var b = business();
        String ann = b.people().token(b.people().ann);

        HttpResponse<String> eleven = api.post(ann, "/api/v1/me/check-ins", Map.of("painDuring", 11));
        HttpResponse<String> minusOne =
                api.post(ann, "/api/v1/me/check-ins", Map.of("morningPain", -1, "sleepHours", 7));
        HttpResponse<String> future = api.post(
                ann,
                "/api/v1/me/check-ins",
                Map.of("date", b.today().plusDays(1).toString(), "morningPain", 2));
        HttpResponse<String> beforePlan = api.post(
                ann,
                "/api/v1/me/check-ins",
                Map.of("date", b.today().minusDays(8).toString(), "morningPain", 2));
        HttpResponse<String> empty = api.post(ann, "/api/v1/me/check-ins", Map.of("notes", "fine"));

        assertThat(eleven.statusCode()).isEqualTo(400);
        assertThat(api.json(eleven).get("detail").asString())
                .isEqualTo("Pain during activity must be between 0 and 10 (was 11).");
        assertThat(minusOne.statusCode()).isEqualTo(400);
        assertThat(api.json(minusOne).get("detail").asString()).contains("Next-morning pain", "between 0 and 10");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(api.json(future).get("detail").asString()).contains("future");
        assertThat(beforePlan.statusCode()).isEqualTo(400);
        assertThat(api.json(beforePlan).get("detail").asString()).contains("outside your plan");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(rows(b, CHECK_INS)).isZero();
    }

    @Test
    void a_check_in_and_a_log_each_reach_kafka_as_events_without_health_data() {
        var b = business();
        String ann = b.people().token(b.people().ann);
        PlanSession today = b.annSession(b.today());

        HttpResponse<String> checkIn = api.post(
                ann,
                "/api/v1/me/check-ins",
                Map.of(
                        "morningPain",
                        6,
                        "morningStiffness",
                        5,
                        "sleepHours",
                        6.5,
                        "sessionId",
                        today.id().toString(),
                        "notes",
                        "Sore on the stairs"));
        assertThat(checkIn.statusCode()).as(checkIn.body()).isEqualTo(201);
        String checkInId = api.json(checkIn).get("id").asString();
        assertThat(api.json(checkIn).get("date").asString()).isEqualTo(b.today().toString());
        HttpResponse<String> logged = api.put(
                ann,
                "/api/v1/me/sessions/" + today.id() + "/log",
                Map.of("outcome", "done", "durationMinutes", 30, "distanceKm", 5.2, "rpe", 4),
                Map.of());
        assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
        String logId = api.json(logged).get("id").asString();

        var recorded =
                TopicRecords.await(CheckInRecorded.TOPIC, Duration.ofSeconds(30), r -> text(r).contains(checkInId));
        var sessionLogged =
                TopicRecords.await(SessionLogged.TOPIC, Duration.ofSeconds(30), r -> text(r).contains(logId));

        assertThat(recorded.key()).isEqualTo(b.people().tenant.toString());
        assertThat(text(recorded)).contains(b.people().annClient.toString()).doesNotContain("Sore", "morningPain");
        assertThat(sessionLogged.key()).isEqualTo(b.people().tenant.toString());
        assertThat(text(sessionLogged)).contains(today.id().toString(), "done").doesNotContain("rpe");
    }

    @Test
    void coaches_of_the_client_see_her_check_ins_logs_and_charts_other_coaches_get_404() {
        var b = business();
        var p = b.people();
        String ann = p.token(p.ann);
        assertThat(api.post(ann, "/api/v1/me/check-ins", Map.of("painDuring", 3, "notes", "<b>tight</b>"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(api.post(
                                ann,
                                "/api/v1/me/check-ins",
                                Map.of("date", b.today().minusDays(2).toString(), "morningPain", 7))
                        .statusCode())
                .isEqualTo(201);

        for (String coach : List.of(p.lead, p.coCoach, p.owner)) {
            JsonNode seen = api.json(api.get(p.token(coach), "/api/v1/clients/" + p.annClient + "/check-ins"));
            assertThat(seen).as(coach).hasSize(2);
            assertThat(seen.get(0).get("morningPain").asInt()).isEqualTo(7);
            assertThat(seen.get(1).get("notes").asString()).isEqualTo("<b>tight</b>");
        }
        String other = p.token(p.otherCoach);
        assertThat(api.get(other, "/api/v1/clients/" + p.annClient + "/check-ins")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get(other, "/api/v1/clients/" + p.annClient + "/session-logs")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get(other, "/api/v1/clients/" + p.annClient + "/charts/pain.svg")
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get(p.token(p.bea), "/api/v1/me/check-ins").body()).isEqualTo("[]");

        HttpResponse<String> chart = api.get(p.token(p.lead), "/api/v1/clients/" + p.annClient + "/charts/pain.svg");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("image/svg+xml"));
        assertThat(chart.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(chart.body())
                .startsWith("<svg")
                .contains("Next-morning pain on")
                .doesNotContain("No check-ins yet");
        HttpResponse<String> load =
                api.get(ann, "/api/v1/me/charts/load.svg?from=" + b.today().minusDays(13) + "&to=" + b.today());
        assertThat(load.statusCode()).isEqualTo(200);
        assertThat(load.body()).contains("Training load per week");
        HttpResponse<String> bea = api.get(p.token(p.bea), "/api/v1/me/charts/pain.svg");
        assertThat(bea.body()).contains("No check-ins yet");

        HttpResponse<String> backwards = api.get(ann, "/api/v1/me/charts/pain.svg?from=2026-05-01&to=2026-04-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(api.json(backwards).get("detail").asString()).contains("must not be after");
        assertThat(api.get(ann, "/api/v1/me/charts/load.svg?from=yesterday").statusCode())
                .isEqualTo(400);
        assertThat(api.get(ann, "/api/v1/me/check-ins?from=2020-01-01&to=2026-01-01")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void her_export_contains_her_check_ins_and_session_logs_as_csv_and_erasure_removes_them() throws Exception {
        var b = business();
        var p = b.people();
        String ann = p.token(p.ann);
        api.post(ann, "/api/v1/me/check-ins", Map.of("painAfterSitting", 4, "notes", "=SUM(A1), long drive"));
        api.put(
                ann,
                "/api/v1/me/sessions/" + b.annSession(b.today()).id() + "/log",
                Map.of("outcome", "skipped", "notes", "Travelling"),
                Map.of());

        HttpResponse<byte[]> export = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/export"))
                                .header("Authorization", "Bearer " + ann)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(export.statusCode()).isEqualTo(200);
        Map<String, String> files = unzip(export.body());
        assertThat(files.get("check-ins.csv"))
                .startsWith("date,pain_during,morning_pain,morning_stiffness,pain_after_sitting,sleep_hours,notes")
                .contains(b.today() + ",,,,4,,\"'=SUM(A1), long drive\"");
        assertThat(files.get("session-logs.csv")).contains(b.today() + ",skipped,,,,,Travelling");
        assertThat(files.get("data.json")).contains("\"checkIns\"", "Travelling");

        api.post(p.token(p.bea), "/api/v1/me/check-ins", Map.of("morningPain", 1));
        HttpResponse<String> erasure = api.post(p.token(p.owner), "/api/v1/clients/" + p.annClient + "/erasure", null);
        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(200);
        assertThat(erasure.body()).contains("checkIns");
        assertThat(rows(b, SESSION_LOGS)).isZero();
        assertThat(rows(b, CHECK_INS)).as("Bea's check-in stays").isEqualTo(1);
    }

    private SessionStatus sessionStatus(Business b, PlanSession session) {
        return TenantContext.callAs(
                b.people().tenant,
                () -> plans.session(session.id()).orElseThrow().status());
    }

    private int rows(Business b, org.jooq.Table<?> table) {
        int[] count = new int[1];
        TestTenants.seed(b.people().tenant, db -> count[0] = db.fetchCount(table));
        return count[0];
    }

    private static String text(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
