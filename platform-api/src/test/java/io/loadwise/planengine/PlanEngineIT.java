package io.loadwise.planengine;

import static io.loadwise.jooq.Tables.CHECK_INS;
import static io.loadwise.jooq.Tables.PLAN_RULES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loadwise.checkins.CheckInRecorded;
import io.loadwise.events.ProcessedEvents;
import io.loadwise.messaging.ApiCalls;
import io.loadwise.messaging.PeopleOfABusiness;
import io.loadwise.plans.PlanAdjusted;
import io.loadwise.plans.PlanId;
import io.loadwise.plans.PlanRevision;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStatus;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.RevisionRequest;
import io.loadwise.plans.RevisionSource;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.SessionChange;
import io.loadwise.plans.SessionMissed;
import io.loadwise.plans.SessionStatus;
import io.loadwise.plans.StrengthSession;
import io.loadwise.roster.ClientFlag;
import io.loadwise.roster.ClientFlags;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.testsupport.TopicRecords;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * From a check-in through Kafka to a revised plan (or a proposal a coach approves), with real
 * PostgreSQL, Kafka and Keycloak. Check-ins are written the way the check-in service writes them:
 * the row and {@link CheckInRecorded} in one transaction, externalized by the outbox.
 */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanEngineIT {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    @LocalServerPort
    int port;

    @Autowired
    PlanStore plans;

    @Autowired
    PlanEngine engine;

    @Autowired
    ClientFlags flags;

    @Autowired
    ProcessedEvents processed;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    KeycloakTestData keycloakData;
    ApiCalls api;
    LocalDate today;

    @BeforeAll
    void setUp() {
        keycloakData = KeycloakTestData.of(TestInfrastructure.keycloak());
        api = new ApiCalls(port);
        today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    @AfterAll
    void close() {
        keycloakData.close();
    }

    // --- automatic mode ------------------------------------------------------------------------

    @Test
    void next_morning_pain_of_6_dials_the_plan_back_once_with_a_readable_reason_and_tells_kafka() {
        var b = business();
        mode(b.tenant, "automatic");
        PlanSnapshot before = newPlan(b.tenant, b.annClient, today.minusDays(2));

        CheckInRecorded event = checkIn(b.tenant, b.annClient, before.plan().id(), today, 3, 6, 3);

        PlanRevision revision = awaitRevision(b.tenant, before.plan().id(), 2);
        assertThat(revision.kind()).isEqualTo(RevisionKind.DIAL_BACK);
        assertThat(revision.source()).isEqualTo(RevisionSource.ENGINE);
        assertThat(revision.sourceEventId()).isEqualTo(event.eventId());
        assertThat(revision.reason())
                .isEqualTo("Next-morning pain 6/10 on " + PlanEvaluator.DAY.format(today) + " is above your usual 2/10"
                        + " — for the next 7 days speed work becomes easy running and running volume is cut by 30 %."
                        + " Strength stays at its current load.");

        PlanSnapshot after =
                as(b.tenant, () -> plans.snapshot(before.plan().id()).orElseThrow());
        PlanSession nextSpeed =
                firstAfterToday(before, s -> s.spec() instanceof RunSession r && r.type() == RunType.SPEED);
        RunSession eased =
                (RunSession) after.session(nextSpeed.id()).orElseThrow().spec();
        assertThat(eased.type()).isEqualTo(RunType.EASY);
        assertThat(eased.durationMinutes()).isEqualTo(((RunSession) nextSpeed.spec()).durationMinutes());
        assertThat(eased.intensity().value()).isEqualTo("3-4");
        assertThat(after.session(nextSpeed.id()).orElseThrow().changeReason()).isEqualTo(revision.reason());
        PlanSession nextEasy =
                firstAfterToday(before, s -> s.spec() instanceof RunSession r && r.type() == RunType.EASY);
        assertThat(((RunSession) after.session(nextEasy.id()).orElseThrow().spec()).durationMinutes())
                .isEqualTo(21);
        assertThat(after.sessions())
                .filteredOn(s -> s.spec() instanceof StrengthSession)
                .allSatisfy(s -> assertThat(s.spec()).isIn(EngineFixtures.ISOMETRICS, EngineFixtures.HEAVY));
        assertThat(after.sessions()).noneMatch(s -> s.status() == SessionStatus.CANCELLED);
        assertThat(flagKinds(b.tenant, b.annClient)).containsExactly(ClientFlags.PAIN_SPIKE);

        TopicRecords.await(PlanAdjusted.TOPIC, PATIENCE, r -> text(r.value())
                .contains(before.plan().id().toString()));

        // The same event again, then a calm check-in behind it on the same partition.
        publish(b.tenant, event);
        CheckInRecorded calm = checkIn(b.tenant, b.annClient, before.plan().id(), today, 1, 2, 3);
        await().atMost(PATIENCE)
                .until(() -> processed.isProcessed(b.tenant, calm.eventId(), "planengine.check-in-recorded"));
        assertThat(as(b.tenant, () -> plans.revisions(before.plan().id()))).hasSize(2);
        assertThat(flagKinds(b.tenant, b.annClient))
                .as("a calm check-in clears the spike")
                .isEmpty();
    }

    @Test
    void two_calm_weeks_with_the_sessions_done_move_the_plan_to_the_next_phase() {
        var b = business();
        mode(b.tenant, "automatic");
        PlanSnapshot plan = newPlan(b.tenant, b.annClient, today.minusDays(14));
        as(b.tenant, () -> {
            plan.sessions().stream()
                    .filter(s -> s.date().isBefore(today))
                    .forEach(s -> plans.recordOutcome(s.id(), SessionStatus.DONE));
            insertCheckIn(b.annClient, plan.plan().id(), today.minusDays(12), 1, 1, 1);
            insertCheckIn(b.annClient, plan.plan().id(), today.minusDays(5), 2, 1, 1);
            return null;
        });

        checkIn(b.tenant, b.annClient, plan.plan().id(), today, 1, 1, 1);

        PlanRevision revision = awaitRevision(b.tenant, plan.plan().id(), 2);
        assertThat(revision.kind()).isEqualTo(RevisionKind.PROGRESSION);
        assertThat(revision.reason()).startsWith("2 calm weeks: every check-in's pain at or below 2/10 and");
        PlanSnapshot after = as(b.tenant, () -> plans.snapshot(plan.plan().id()).orElseThrow());
        assertThat(after.plan().currentPhase()).isEqualTo("strength");
        assertThat(after.plan().phaseStartedOn()).isEqualTo(today.plusDays(1));
        assertThat(after.sessions())
                .filteredOn(s -> s.date().isAfter(today) && s.status() == SessionStatus.PLANNED)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.phaseKey()).isIn("strength", "speed"))
                .anySatisfy(s -> assertThat(s.spec()).isEqualTo(EngineFixtures.HEAVY));
    }

    // --- propose mode ---------------------------------------------------------------------------

    @Test
    void in_propose_mode_the_coach_sees_the_proposal_on_the_dashboard_and_approving_revises_the_plan() {
        var b = business();
        PlanSnapshot plan = newPlan(b.tenant, b.annClient, today.minusDays(2));

        checkIn(b.tenant, b.annClient, plan.plan().id(), today, 7, 2, 2);

        String lead = b.token(b.lead);
        JsonNode proposal = awaitPendingProposal(lead);
        assertThat(proposal.get("reason").asString())
                .startsWith("Pain during activity 7/10 on " + PlanEvaluator.DAY.format(today) + " is above 5/10");
        assertThat(proposal.get("baseRevision").asInt()).isEqualTo(1);
        TopicRecords.await(AdjustmentProposed.TOPIC, PATIENCE, r -> text(r.value())
                .contains(proposal.get("id").asString()));
        assertThat(as(b.tenant, () -> plans.revisions(plan.plan().id()))).hasSize(1);

        JsonNode dashboard = api.json(api.get(lead, "/api/v1/dashboard"));
        assertThat(dashboard).hasSize(1);
        assertThat(dashboard.get(0).get("clientName").asString()).isEqualTo("Ann Runner");
        assertThat(dashboard.get(0).get("severity").asInt()).isEqualTo(3);
        assertThat(dashboard.get(0).get("flags").get(0).get("kind").asString()).isEqualTo("pain_spike");
        assertThat(api.json(api.get(b.token(b.otherCoach), "/api/v1/dashboard")))
                .isEmpty();

        String id = proposal.get("id").asString();
        assertThat(api.post(b.token(b.otherCoach), "/api/v1/proposals/" + id + "/approve", Map.of("baseRevision", 1))
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.post(lead, "/api/v1/proposals/" + id + "/approve", Map.of("baseRevision", 4))
                        .statusCode())
                .isEqualTo(412);

        HttpResponse<String> approved =
                api.post(lead, "/api/v1/proposals/" + id + "/approve", Map.of("baseRevision", 1));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(api.json(approved).get("revision").asInt()).isEqualTo(2);
        assertThat(api.json(approved).get("kind").asString()).isEqualTo("dial_back");
        PlanRevision revision =
                as(b.tenant, () -> plans.revision(plan.plan().id(), 2).orElseThrow());
        assertThat(revision.createdBy()).isEqualTo(b.leadMember);
        assertThat(revision.changes()).isNotEmpty();
        assertThat(api.json(api.get(lead, "/api/v1/proposals"))).isEmpty();

        HttpResponse<String> again = api.post(lead, "/api/v1/proposals/" + id + "/approve", Map.of("baseRevision", 1));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(api.json(again).get("detail").asString()).contains("approved already");
    }

    @Test
    void a_coach_edit_before_the_approval_wins_and_the_outdated_proposal_is_withdrawn_with_a_clear_message() {
        var b = business();
        PlanSnapshot plan = newPlan(b.tenant, b.annClient, today.minusDays(2));
        checkIn(b.tenant, b.annClient, plan.plan().id(), today, 2, 7, 2);
        String lead = b.token(b.lead);
        JsonNode proposal = awaitPendingProposal(lead);

        PlanSession speed = firstAfterToday(plan, s -> s.spec() instanceof RunSession r && r.type() == RunType.SPEED);
        RunSession walk =
                new RunSession("Walk 30 min", RunType.EASY, 30, null, io.loadwise.plans.Intensity.rpe("2"), null, "");
        coachEdit(b.tenant, plan.plan().id(), 1, speed, walk);

        HttpResponse<String> approve = api.post(
                lead, "/api/v1/proposals/" + proposal.get("id").asString() + "/approve", Map.of("baseRevision", 1));

        assertThat(approve.statusCode()).isEqualTo(409);
        assertThat(api.json(approve).get("detail").asString())
                .contains("The plan changed after this proposal was made", "now at revision 2");
        PlanSnapshot after = as(b.tenant, () -> plans.snapshot(plan.plan().id()).orElseThrow());
        assertThat(after.plan().revision()).isEqualTo(2);
        assertThat(after.session(speed.id()).orElseThrow().spec())
                .as("the coach's edit is kept")
                .isEqualTo(walk);
        assertThat(api.json(api.get(lead, "/api/v1/proposals"))).isEmpty();
    }

    @Test
    void a_coach_edit_racing_an_engine_revision_lets_exactly_one_win_and_the_other_learns_why() throws Exception {
        var b = business();
        PlanSnapshot plan = newPlan(b.tenant, b.annClient, today.minusDays(2));
        PlanSession speed = firstAfterToday(plan, s -> s.spec() instanceof RunSession r && r.type() == RunType.SPEED);
        RunSession easy =
                new RunSession("Easy 40 min", RunType.EASY, 40, null, io.loadwise.plans.Intensity.rpe("3-4"), null, "");
        RunSession walk =
                new RunSession("Walk 30 min", RunType.EASY, 30, null, io.loadwise.plans.Intensity.rpe("2"), null, "");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> engineRevision = () -> {
                start.await();
                as(
                        b.tenant,
                        () -> plans.revise(new RevisionRequest(
                                plan.plan().id(),
                                1,
                                RevisionKind.DIAL_BACK,
                                RevisionSource.ENGINE,
                                "Engine: dial back",
                                List.of(SessionChange.changed(speed, easy)),
                                null,
                                null,
                                UUID.randomUUID(),
                                null)));
                return "engine";
            };
            Callable<String> coach = () -> {
                start.await();
                coachEdit(b.tenant, plan.plan().id(), 1, speed, walk);
                return "coach";
            };
            List<Future<String>> results = List.of(pool.submit(engineRevision), pool.submit(coach));
            start.countDown();
            List<String> winners = new ArrayList<>();
            List<Throwable> losers = new ArrayList<>();
            for (Future<String> result : results) {
                try {
                    winners.add(result.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    losers.add(e.getCause());
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(losers).singleElement().isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(
                            e.getMessage())
                    .contains("was changed by someone else", "it is now at version 2"));
            PlanSnapshot after =
                    as(b.tenant, () -> plans.snapshot(plan.plan().id()).orElseThrow());
            assertThat(after.plan().revision()).isEqualTo(2);
            assertThat(after.session(speed.id()).orElseThrow().spec())
                    .isEqualTo(winners.getFirst().equals("engine") ? easy : walk);
        } finally {
            pool.shutdownNow();
        }
    }

    // --- sweep ----------------------------------------------------------------------------------

    @Test
    void the_sweep_marks_past_planned_sessions_missed_and_flags_the_client_until_they_are_back() {
        var b = business();
        PlanSnapshot plan = newPlan(b.tenant, b.annClient, today.minusDays(6));
        long past =
                plan.sessions().stream().filter(s -> s.date().isBefore(today)).count();

        PlanEngine.SweepResult first = engine.sweep(b.tenant);

        assertThat(first.sessionsMissed()).isEqualTo((int) past).isPositive();
        PlanSnapshot after = as(b.tenant, () -> plans.snapshot(plan.plan().id()).orElseThrow());
        assertThat(after.sessions()).filteredOn(s -> s.date().isBefore(today)).allSatisfy(s -> assertThat(s.status())
                .isEqualTo(SessionStatus.MISSED));
        assertThat(after.sessions()).filteredOn(s -> !s.date().isBefore(today)).allSatisfy(s -> assertThat(s.status())
                .isEqualTo(SessionStatus.PLANNED));
        List<ClientFlag> raised = as(b.tenant, () -> flags.of(b.annClient));
        assertThat(raised)
                .extracting(ClientFlag::kind)
                .containsExactly(ClientFlags.MISSED_SESSIONS, ClientFlags.NO_CHECK_IN);
        assertThat(raised.getFirst().detail()).isEqualTo(past + " sessions missed in the last 7 days");
        assertThat(raised.get(1).detail()).isEqualTo("No check-in since the plan started 6 days ago");
        TopicRecords.await(SessionMissed.TOPIC, PATIENCE, r -> text(r.value())
                .contains(plan.plan().id().toString()));

        assertThat(engine.sweep(b.tenant).sessionsMissed())
                .as("a second run finds nothing new")
                .isZero();

        as(b.tenant, () -> insertCheckIn(b.annClient, plan.plan().id(), today, 1, 1, 1));
        engine.sweep(b.tenant);
        assertThat(flagKinds(b.tenant, b.annClient)).containsExactly(ClientFlags.MISSED_SESSIONS);
    }

    // --- rules API ------------------------------------------------------------------------------

    @Test
    void the_owner_saves_rules_with_if_match_and_invalid_rules_are_refused_with_their_fields() {
        var b = business();
        String owner = b.token(b.owner);
        HttpResponse<String> read = api.get(owner, "/api/v1/plan-rules");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(api.json(read).get("platformDefault").asBoolean()).isTrue();
        var d = EngineRules.DEFAULTS;
        var automatic =
                new EngineRules("automatic", d.painZones(), d.triggers(), d.dialBack(), d.progression(), d.flags());

        assertThat(api.put(owner, "/api/v1/plan-rules", automatic, Map.of()).statusCode())
                .isEqualTo(428);
        assertThat(api.put(b.token(b.lead), "/api/v1/plan-rules", automatic, Map.of("If-Match", "\"0\""))
                        .statusCode())
                .isEqualTo(403);
        var invalid = new EngineRules(
                "automatic",
                new EngineRules.PainZones(5, 3),
                List.of(new EngineRules.Trigger("mood", ">", 5)),
                d.dialBack(),
                d.progression(),
                d.flags());
        HttpResponse<String> refused = api.put(owner, "/api/v1/plan-rules", invalid, Map.of("If-Match", "\"0\""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(api.json(refused).get("errors").findValuesAsString("field"))
                .containsExactly("painZones.acceptableMax", "triggers[0].metric");

        HttpResponse<String> saved = api.put(owner, "/api/v1/plan-rules", automatic, Map.of("If-Match", "\"0\""));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(api.json(api.get(b.token(b.lead), "/api/v1/plan-rules"))
                        .get("rules")
                        .get("mode")
                        .asString())
                .isEqualTo("automatic");
        HttpResponse<String> stale = api.put(owner, "/api/v1/plan-rules", automatic, Map.of("If-Match", "\"0\""));
        assertThat(stale.statusCode()).isEqualTo(412);
    }

    // --- helpers --------------------------------------------------------------------------------

    PeopleOfABusiness business() {
        return PeopleOfABusiness.create(TestInfrastructure.keycloak(), keycloakData, "engine");
    }

    <T> T as(TenantId tenant, Callable<T> work) {
        return TenantContext.callAs(
                tenant,
                () -> tx.execute(status -> {
                    try {
                        return work.call();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
    }

    void mode(TenantId tenant, String mode) {
        var d = EngineRules.DEFAULTS;
        var rules = new EngineRules(mode, d.painZones(), d.triggers(), d.dialBack(), d.progression(), d.flags());
        TestTenants.seed(tenant, db -> db.insertInto(PLAN_RULES)
                .set(PLAN_RULES.TENANT_ID, tenant.value())
                .set(PLAN_RULES.MODE, mode)
                .set(PLAN_RULES.RULES, JSONB.valueOf(json.writeValueAsString(rules)))
                .set(PLAN_RULES.UPDATED_AT, OffsetDateTime.now())
                .set(PLAN_RULES.VERSION, 1)
                .execute());
    }

    PlanSnapshot newPlan(TenantId tenant, ClientId client, LocalDate start) {
        return as(
                tenant,
                () -> plans.create(
                        client,
                        null,
                        "Hamstring return to run",
                        EngineFixtures.hamstringContent(),
                        start,
                        PlanStatus.ACTIVE,
                        RevisionSource.COACH,
                        "Assigned by the coach",
                        null));
    }

    Void insertCheckIn(ClientId client, PlanId plan, LocalDate date, int painDuring, int morningPain, int stiffness) {
        insertCheckIn(UUID.randomUUID(), client, plan, date, painDuring, morningPain, stiffness);
        return null;
    }

    void insertCheckIn(
            UUID id, ClientId client, PlanId plan, LocalDate date, int painDuring, int morningPain, int stiffness) {
        db.insertInto(CHECK_INS)
                .set(CHECK_INS.TENANT_ID, TenantContext.require().value())
                .set(CHECK_INS.ID, id)
                .set(CHECK_INS.CLIENT_ID, client.value())
                .set(CHECK_INS.PLAN_ID, plan.value())
                .set(CHECK_INS.ON_DATE, date)
                .set(CHECK_INS.PAIN_DURING, (short) painDuring)
                .set(CHECK_INS.MORNING_PAIN, (short) morningPain)
                .set(CHECK_INS.MORNING_STIFFNESS, (short) stiffness)
                .set(CHECK_INS.RECORDED_AT, OffsetDateTime.now(clock))
                .execute();
    }

    /** As the check-in service does: the row and the event in one transaction. */
    CheckInRecorded checkIn(
            TenantId tenant,
            ClientId client,
            PlanId plan,
            LocalDate date,
            int painDuring,
            int morningPain,
            int stiffness) {
        UUID id = UUID.randomUUID();
        var event = new CheckInRecorded(UUID.randomUUID(), tenant, client, id, plan, date, clock.instant());
        as(tenant, () -> {
            insertCheckIn(id, client, plan, date, painDuring, morningPain, stiffness);
            events.publishEvent(event);
            return null;
        });
        return event;
    }

    void publish(TenantId tenant, Object event) {
        as(tenant, () -> {
            events.publishEvent(event);
            return null;
        });
    }

    void coachEdit(TenantId tenant, PlanId plan, int basedOn, PlanSession session, RunSession after) {
        as(
                tenant,
                () -> plans.revise(new RevisionRequest(
                        plan,
                        basedOn,
                        RevisionKind.COACH_EDIT,
                        RevisionSource.COACH,
                        "Coach: a walk instead",
                        List.of(SessionChange.changed(session, after)),
                        null,
                        null,
                        null,
                        null)));
    }

    PlanRevision awaitRevision(TenantId tenant, PlanId plan, int revision) {
        return await().atMost(PATIENCE)
                .until(() -> as(tenant, () -> plans.revision(plan, revision)), java.util.Optional::isPresent)
                .orElseThrow();
    }

    JsonNode awaitPendingProposal(String token) {
        return await().atMost(PATIENCE)
                .until(() -> api.json(api.get(token, "/api/v1/proposals")), list -> list.size() == 1)
                .get(0);
    }

    PlanSession firstAfterToday(PlanSnapshot plan, java.util.function.Predicate<PlanSession> match) {
        return plan.sessions().stream()
                .filter(s -> s.date().isAfter(today) && !s.date().isAfter(today.plusDays(7)))
                .filter(match)
                .findFirst()
                .orElseThrow();
    }

    List<String> flagKinds(TenantId tenant, ClientId client) {
        return as(tenant, () -> flags.of(client)).stream().map(ClientFlag::kind).toList();
    }

    static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
