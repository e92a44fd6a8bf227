package io.loadwise.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.messaging.PeopleOfABusiness;
import io.loadwise.plans.templates.internal.TemplateRepository;
import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
 * The billing seam, called the way the Commerce listeners will call it (tenant bound, no person
 * signed in), and what coaches and clients then see through the API; and the plans' part of a
 * client's export and erasure.
 */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanLifecycleIT {

    @LocalServerPort
    int port;

    @Autowired
    PlanLifecycle lifecycle;

    @Autowired
    PlanStore store;

    @Autowired
    TemplateRepository templates;

    @Autowired
    List<PersonalData> personalData;

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

    <T> T as(PeopleOfABusiness b, Supplier<T> work) {
        return TenantContext.callAs(b.tenant, work);
    }

    @Test
    void a_custom_plan_purchase_drafts_a_plan_and_gives_the_lead_coach_one_task_however_often_it_arrives() {
        var b = PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "custom");
        TemplateRows.insert(
                b.tenant, templates, transactions, "Onboarding: first two weeks", TemplateCondition.ONBOARDING);

        CoachTask task = as(b, () -> lifecycle.customPlanBought(b.annClient, "order-1001"));
        CoachTask again = as(b, () -> lifecycle.customPlanBought(b.annClient, "order-1001"));
        assertThat(again.id()).isEqualTo(task.id());
        assertThat(task.title()).isEqualTo("Build the custom plan for Ann Runner");
        assertThat(task.assigneeId()).isEqualTo(b.leadMember);
        List<ClientPlan> plans = as(b, () -> store.plansOf(b.annClient));
        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
            assertThat(plan.id()).isEqualTo(task.planId());
        });

        String lead = b.token(b.lead);
        JsonNode tasks = api.json(api.get(lead, "/api/v1/tasks"));
        assertThat(tasks.size()).isEqualTo(1);
        assertThat(tasks.get(0).get("title").asString()).isEqualTo("Build the custom plan for Ann Runner");
        assertThat(api.json(api.get(b.token(b.owner), "/api/v1/tasks")).size()).isEqualTo(1);
        assertThat(api.json(api.get(b.token(b.otherCoach), "/api/v1/tasks")).size())
                .as("not her coach")
                .isZero();
        assertThat(api.send(b.token(b.otherCoach), "POST", "/api/v1/tasks/" + task.id() + "/done", null, Map.of())
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> done = api.send(lead, "POST", "/api/v1/tasks/" + task.id() + "/done", null, Map.of());
        assertThat(api.json(done).get("status").asString()).isEqualTo("done");
        assertThat(api.json(api.get(lead, "/api/v1/tasks")).size()).isZero();
        assertThat(api.get(b.token(b.ann), "/api/v1/tasks").statusCode()).isEqualTo(403);

        // The coach builds on the draft and starts it; until then Ann does not see it.
        String plan = "/api/v1/clients/" + b.annClient + "/plan";
        assertThat(api.json(api.get(lead, plan)).get("status").asString()).isEqualTo("draft");
        assertThat(api.get(b.token(b.ann), "/api/v1/me/plan").statusCode()).isEqualTo(404);
        HttpResponse<String> started = api.send(lead, "POST", plan + "/activate", null, Map.of("If-Match", "\"1\""));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(api.json(started).get("status").asString()).isEqualTo("active");
        assertThat(api.json(api.get(b.token(b.ann), "/api/v1/me/plan"))
                        .get("name")
                        .asString())
                .isEqualTo("Custom plan for Ann Runner");
    }

    @Test
    void without_an_onboarding_template_the_draft_comes_from_the_clients_condition_or_fails_clearly() {
        var b = PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "nocustom");
        assertThatThrownBy(() -> as(b, () -> lifecycle.customPlanBought(b.annClient, "order-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No template to start a custom plan for Ann Runner");
        assertThat(as(b, () -> store.plansOf(b.annClient))).isEmpty();

        TemplateRows.insert(b.tenant, templates, transactions, "General base", TemplateCondition.GENERAL);
        CoachTask task = as(b, () -> lifecycle.customPlanBought(b.annClient, "order-2"));
        assertThat(as(b, () -> store.snapshot(task.planId()))
                        .orElseThrow()
                        .plan()
                        .status())
                .isEqualTo(PlanStatus.DRAFT);
    }

    @Test
    void coaching_started_assigns_onboarding_once_and_canceled_pauses_with_the_reason() {
        var b = PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "subs");
        TemplateRows.insert(b.tenant, templates, transactions, "Onboarding", TemplateCondition.ONBOARDING);

        Optional<ClientPlan> started = as(b, () -> lifecycle.coachingStarted(b.beaClient, "sub-77"));
        Optional<ClientPlan> redelivered = as(b, () -> lifecycle.coachingStarted(b.beaClient, "sub-77"));
        assertThat(started).isPresent();
        assertThat(redelivered.orElseThrow().id()).isEqualTo(started.get().id());
        assertThat(as(b, () -> store.plansOf(b.beaClient))).hasSize(1);

        JsonNode today = api.json(api.get(b.token(b.bea), "/api/v1/me/plan/today"));
        assertThat(today.get("status").asString()).isEqualTo("active");

        as(b, () -> lifecycle.coachingCanceled(b.beaClient, "sub-77"));
        as(b, () -> lifecycle.coachingCanceled(b.beaClient, "sub-77"));
        JsonNode plan = api.json(api.get(b.token(b.lead), "/api/v1/clients/" + b.beaClient + "/plan"));
        assertThat(plan.get("status").asString()).isEqualTo("paused");
        assertThat(plan.get("revision").asInt()).as("paused once").isEqualTo(2);
        assertThat(plan.get("revisions").get(0).get("reason").asString()).isEqualTo("Coaching subscription ended");
        assertThat(plan.get("revisions").get(0).get("source").asString()).isEqualTo("billing");
        assertThat(plan.get("revisions").get(0).get("madeBy").asString()).isEqualTo("billing");
    }

    @Test
    void a_clients_export_has_her_plans_and_erasure_removes_plans_feeds_and_tasks() {
        var b = PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "erase");
        TemplateRows.insert(b.tenant, templates, transactions, "Onboarding", TemplateCondition.ONBOARDING);
        as(b, () -> lifecycle.customPlanBought(b.annClient, "order-9"));
        as(b, () -> lifecycle.coachingStarted(b.beaClient, "sub-9"));
        PersonalData plans = personalData.stream()
                .filter(p -> p.category().equals("trainingPlans"))
                .findFirst()
                .orElseThrow();
        ClientId ann = b.annClient;
        String export =
                as(b, () -> transactions.execute(status -> plans.export(ann).toString()));
        assertThat(export).contains("Custom plan for Ann Runner").contains("Build the custom plan for Ann Runner");

        int erased = as(b, () -> transactions.execute(status -> plans.erase(ann)));
        assertThat(erased).isEqualTo(2);
        assertThat(as(b, () -> store.plansOf(ann))).isEmpty();
        assertThat(as(b, () -> store.plansOf(b.beaClient)))
                .as("another client's plan stays")
                .hasSize(1);
    }
}
