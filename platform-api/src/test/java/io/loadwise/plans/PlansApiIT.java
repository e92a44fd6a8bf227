package io.loadwise.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.messaging.PeopleOfABusiness;
import io.loadwise.plans.templates.internal.TemplateRepository;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Coaches assign and edit plans, clients read today and the week — over HTTP with real Keycloak
 * tokens, PostgreSQL under row level security and Kafka.
 */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansApiIT {

    @LocalServerPort
    int port;

    @Autowired
    TemplateRepository templates;

    @Autowired
    PlanStore store;

    @Autowired
    PlatformTransactionManager transactionManager;

    KeycloakTestData keycloakData;
    Http api;
    TransactionTemplate transactions;

    @BeforeAll
    void setUp() {
        keycloakData = KeycloakTestData.of(TestInfrastructure.keycloak());
        api = new Http(port);
        transactions = new TransactionTemplate(transactionManager);
    }

    @AfterAll
    void close() {
        keycloakData.close();
    }

    PeopleOfABusiness freshBusiness() {
        return PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "tempo");
    }

    UUID template(PeopleOfABusiness b) {
        return TemplateRows.insert(
                        b.tenant, templates, transactions, "Hamstring return to run", TemplateCondition.HAMSTRING)
                .value();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    HttpResponse<String> assign(String token, UUID client, UUID template, LocalDate start) {
        return api.send(
                token,
                "POST",
                "/api/v1/clients/" + client + "/plan",
                Map.of("templateId", template, "startDate", start.toString()),
                Map.of());
    }

    @Test
    void a_coach_assigns_a_template_and_the_client_sees_today_and_the_week() {
        var b = freshBusiness();
        String lead = b.token(b.lead);
        UUID template = template(b);

        HttpResponse<String> assigned = assign(lead, b.annClient.value(), template, today());
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        assertThat(assigned.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode plan = api.json(assigned);
        assertThat(plan.get("status").asString()).isEqualTo("active");
        assertThat(plan.get("name").asString()).isEqualTo("Hamstring return to run");
        assertThat(plan.get("currentPhaseName").asString()).isEqualTo("Isometrics and pain control");
        assertThat(plan.get("endDate").asString())
                .isEqualTo(today().plusWeeks(4).minusDays(1).toString());
        assertThat(plan.get("weeks").size()).isEqualTo(4);
        assertThat(plan.get("weeks").get(0).get("sessions").size()).isEqualTo(7);
        assertThat(plan.get("weeks").get(2).get("phaseName").asString()).isEqualTo("Eccentric and strength");
        assertThat(plan.get("revisions").get(0).get("madeBy").asString()).isEqualTo("Leo Lead");

        HttpResponse<String> again = assign(lead, b.annClient.value(), template, today());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(api.json(again).get("detail").asString()).contains("already has an active plan");

        String ann = b.token(b.ann);
        JsonNode todayJson = api.json(api.get(ann, "/api/v1/me/plan/today"));
        assertThat(todayJson.get("days").size()).isEqualTo(1);
        assertThat(todayJson.get("days").get(0).get("date").asString()).isEqualTo(today().toString());
        assertThat(todayJson.get("days").get(0).get("sessions").size()).isEqualTo(1);

        JsonNode week = api.json(api.get(ann, "/api/v1/me/plan/week?date=" + today()));
        assertThat(week.get("days").size()).isEqualTo(7);
        assertThat(week.get("days").get(0).get("date").asString())
                .isEqualTo(today().with(java.time.DayOfWeek.MONDAY).toString());
        assertThat(week.get("phaseName").asString()).isEqualTo("Isometrics and pain control");

        assertThat(api.get(ann, "/api/v1/me/plan").statusCode()).isEqualTo(200);
        assertThat(api.get(b.token(b.bea), "/api/v1/me/plan/today").statusCode())
                .as("Bea has no plan; Ann's is not hers")
                .isEqualTo(404);
        assertThat(api.get(b.token(b.otherCoach), "/api/v1/clients/" + b.annClient + "/plan")
                        .statusCode())
                .as("a coach who is not Ann's")
                .isEqualTo(404);
        assertThat(api.get(b.token(b.coCoach), "/api/v1/clients/" + b.annClient + "/plan")
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get(ann, "/api/v1/clients/" + b.beaClient + "/plan").statusCode())
                .as("a client never reads another client's plan")
                .isIn(403, 404);
        JsonNode history = api.json(api.get(lead, "/api/v1/clients/" + b.annClient + "/plans"));
        assertThat(history.size()).isEqualTo(1);

        var other = freshBusiness();
        assertThat(api.get(other.token(other.owner), "/api/v1/clients/" + b.annClient + "/plan")
                        .statusCode())
                .as("another business")
                .isEqualTo(404);
    }

    @Test
    void start_dates_too_far_back_or_ahead_and_unknown_templates_are_refused() {
        var b = freshBusiness();
        String lead = b.token(b.lead);
        UUID template = template(b);
        HttpResponse<String> early = assign(lead, b.annClient.value(), template, today().minusDays(29));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(api.json(early).get("detail").asString()).contains("at most 28 days ago");
        assertThat(assign(lead, b.annClient.value(), template, today().plusDays(366))
                        .statusCode())
                .isEqualTo(400);
        assertThat(assign(lead, b.annClient.value(), UUID.randomUUID(), today()).statusCode())
                .isEqualTo(404);
        assertThat(api.get(lead, "/api/v1/clients/" + b.annClient + "/plan").statusCode())
                .as("nothing was assigned")
                .isEqualTo(404);
        assertThat(assign(lead, b.annClient.value(), template, today().minusDays(28))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void an_edit_needs_the_plan_revision_and_a_stale_one_changes_nothing_and_says_who_changed_it() {
        var b = freshBusiness();
        String lead = b.token(b.lead);
        JsonNode plan = api.json(assign(lead, b.annClient.value(), template(b), today()));
        JsonNode session = plan.get("weeks").get(0).get("sessions").get(1);
        String sessionPath = "/api/v1/clients/" + b.annClient + "/plan/sessions/"
                + session.get("id").asString();
        Map<String, Object> easier = Map.of(
                "spec",
                Map.of(
                        "kind", "cross_training",
                        "title", "Pool running 25 min",
                        "mode", "pool_running",
                        "durationMinutes", 25,
                        "intensity", Map.of("scale", "rpe", "value", "4"),
                        "notes", ""),
                "reason",
                "Swapped for pool running while the hamstring settles.");

        HttpResponse<String> noIfMatch = api.send(lead, "PATCH", sessionPath, easier, Map.of());
        assertThat(noIfMatch.statusCode()).isEqualTo(428);

        HttpResponse<String> edited = api.send(lead, "PATCH", sessionPath, easier, Map.of("If-Match", "\"1\""));
        assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
        assertThat(edited.headers().firstValue("ETag")).contains("\"2\"");
        JsonNode changed = sessionById(api.json(edited), session.get("id").asString());
        assertThat(changed.get("title").asString()).isEqualTo("Pool running 25 min");
        assertThat(changed.get("kind").asString()).isEqualTo("cross_training");
        assertThat(changed.get("changedInRevision").asInt()).isEqualTo(2);
        assertThat(changed.get("changeReason").asString())
                .isEqualTo("Swapped for pool running while the hamstring settles.");

        Map<String, Object> other = Map.of(
                "spec",
                Map.of(
                        "kind", "run",
                        "title", "Easy run 10 min",
                        "type", "easy",
                        "durationMinutes", 10,
                        "intensity", Map.of("scale", "rpe", "value", "3"),
                        "notes", ""));
        HttpResponse<String> stale =
                api.send(b.token(b.coCoach), "PATCH", sessionPath, other, Map.of("If-Match", "\"1\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(api.json(stale).get("detail").asString())
                .contains("Leo Lead")
                .contains("Swapped for pool running");
        JsonNode after = api.json(api.get(lead, "/api/v1/clients/" + b.annClient + "/plan"));
        assertThat(after.get("revision").asInt()).isEqualTo(2);
        assertThat(sessionById(after, session.get("id").asString()).get("title").asString())
                .isEqualTo("Pool running 25 min");

        // The client sees the change and why.
        JsonNode week = api.json(api.get(
                b.token(b.ann),
                "/api/v1/me/plan/week?date=" + changed.get("date").asString()));
        assertThat(week.toString()).contains("Swapped for pool running while the hamstring settles.");
        JsonNode mine = api.json(api.get(b.token(b.ann), "/api/v1/me/plan"));
        assertThat(mine.get("revisions").get(0).get("reason").asString())
                .isEqualTo("Swapped for pool running while the hamstring settles.");
    }

    @Test
    void the_plan_engine_revising_first_makes_the_coach_edit_fail_with_its_reason() {
        var b = freshBusiness();
        String lead = b.token(b.lead);
        JsonNode plan = api.json(assign(lead, b.annClient.value(), template(b), today()));
        UUID planId = UUID.fromString(plan.get("id").asString());
        TenantContext.runAs(
                b.tenant,
                () -> transactions.executeWithoutResult(status -> store.revise(new RevisionRequest(
                        new PlanId(planId),
                        1,
                        RevisionKind.HOLD,
                        RevisionSource.ENGINE,
                        "Next-morning pain 6/10, above your usual 2: holding the load this week.",
                        List.of(),
                        null,
                        null,
                        UUID.randomUUID(),
                        null))));
        String sessionId =
                plan.get("weeks").get(0).get("sessions").get(0).get("id").asString();
        HttpResponse<String> stale = api.send(
                lead,
                "DELETE",
                "/api/v1/clients/" + b.annClient + "/plan/sessions/" + sessionId,
                null,
                Map.of("If-Match", "\"1\""));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(api.json(stale).get("detail").asString())
                .contains("the plan engine")
                .contains("Next-morning pain 6/10");
        JsonNode now = api.json(api.get(lead, "/api/v1/clients/" + b.annClient + "/plan"));
        assertThat(sessionById(now, sessionId).get("status").asString()).isEqualTo("planned");
    }

    @Test
    void dates_outside_the_plan_and_sessions_of_another_client_are_refused() {
        var b = freshBusiness();
        String lead = b.token(b.lead);
        UUID template = template(b);
        JsonNode ann = api.json(assign(lead, b.annClient.value(), template, today()));
        JsonNode bea = api.json(assign(lead, b.beaClient.value(), template, today()));
        Map<String, Object> recovery = Map.of(
                "date",
                today().plusWeeks(5).toString(),
                "spec",
                Map.of("kind", "recovery", "title", "Foam rolling", "durationMinutes", 10, "notes", ""));
        String plan = "/api/v1/clients/" + b.annClient + "/plan";
        HttpResponse<String> outside =
                api.send(lead, "POST", plan + "/sessions", recovery, Map.of("If-Match", "\"1\""));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(api.json(outside).get("detail").asString()).contains("outside the plan");

        String beaSession =
                bea.get("weeks").get(0).get("sessions").get(0).get("id").asString();
        assertThat(api.send(lead, "DELETE", plan + "/sessions/" + beaSession, null, Map.of("If-Match", "\"1\""))
                        .statusCode())
                .as("Bea's session through Ann's plan")
                .isEqualTo(404);
        String annSession =
                ann.get("weeks").get(0).get("sessions").get(0).get("id").asString();
        assertThat(api.send(
                                lead,
                                "PATCH",
                                plan + "/sessions/" + annSession,
                                Map.of("date", today().minusDays(1).toString()),
                                Map.of("If-Match", "\"1\""))
                        .statusCode())
                .as("moving before the plan's start")
                .isEqualTo(400);
        assertThat(api.json(api.get(lead, plan)).get("revision").asInt()).isEqualTo(1);

        Map<String, Object> inside = Map.of(
                "date",
                today().plusDays(2).toString(),
                "spec",
                Map.of("kind", "recovery", "title", "Foam rolling", "durationMinutes", 10, "notes", ""));
        HttpResponse<String> added = api.send(lead, "POST", plan + "/sessions", inside, Map.of("If-Match", "\"1\""));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        assertThat(api.json(added).get("weeks").get(0).get("sessions").size()).isEqualTo(8);

        HttpResponse<String> moved = api.send(
                lead,
                "PATCH",
                plan + "/sessions/" + annSession,
                Map.of("date", today().plusDays(3).toString(), "reason", "Travelling on the first day."),
                Map.of("If-Match", "\"2\""));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode movedPlan = api.json(moved);
        assertThat(sessionById(movedPlan, annSession).get("status").asString()).isEqualTo("cancelled");
        assertThat(movedPlan.get("revisions").get(0).get("changes").asInt()).isEqualTo(2);
        assertThat(movedPlan.get("revision").asInt()).isEqualTo(3);
    }

    @Test
    void a_coach_pauses_resumes_and_ends_a_plan_and_sets_the_baseline() {
        var b = freshBusiness();
        String lead = b.token(b.lead);
        UUID template = template(b);
        assign(lead, b.annClient.value(), template, today());
        String plan = "/api/v1/clients/" + b.annClient + "/plan";

        HttpResponse<String> paused = api.send(
                lead, "POST", plan + "/pause", Map.of("reason", "Away for two weeks"), Map.of("If-Match", "\"1\""));
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
        assertThat(api.json(paused).get("status").asString()).isEqualTo("paused");
        assertThat(api.json(paused).get("revisions").get(0).get("kind").asString())
                .isEqualTo("paused");
        assertThat(api.send(lead, "POST", plan + "/pause", null, Map.of("If-Match", "\"2\""))
                        .statusCode())
                .as("already paused")
                .isEqualTo(400);
        HttpResponse<String> resumed = api.send(lead, "POST", plan + "/resume", null, Map.of("If-Match", "\"2\""));
        assertThat(api.json(resumed).get("status").asString()).isEqualTo("active");
        assertThat(api.json(resumed).get("revisions").get(0).get("kind").asString())
                .isEqualTo("resumed");

        HttpResponse<String> baseline =
                api.send(lead, "PUT", plan + "/baseline", Map.of("baselineMorningPain", 2), Map.of());
        assertThat(api.json(baseline).get("baselineMorningPain").asInt()).isEqualTo(2);
        assertThat(api.send(lead, "PUT", plan + "/baseline", Map.of("baselineMorningPain", 11), Map.of())
                        .statusCode())
                .isEqualTo(400);

        HttpResponse<String> ended = api.send(lead, "POST", plan + "/end", null, Map.of("If-Match", "\"3\""));
        assertThat(api.json(ended).get("status").asString()).isEqualTo("ended");
        assertThat(api.get(lead, plan).statusCode()).isEqualTo(404);
        assertThat(assign(lead, b.annClient.value(), template, today()).statusCode())
                .as("a new plan after the old one ended")
                .isEqualTo(201);
        assertThat(api.json(api.get(lead, "/api/v1/clients/" + b.annClient + "/plans"))
                        .size())
                .isEqualTo(2);
    }

    static JsonNode sessionById(JsonNode plan, String id) {
        for (JsonNode week : plan.get("weeks")) {
            for (JsonNode session : week.get("sessions")) {
                if (session.get("id").asString().equals(id)) {
                    return session;
                }
            }
        }
        throw new AssertionError("no session " + id);
    }
}
