package io.loadwise.notifications.events;

import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.notifications.events.Fixtures.PATIENCE;
import static io.loadwise.notifications.events.Fixtures.awaitEmails;
import static io.loadwise.notifications.events.Fixtures.client;
import static io.loadwise.notifications.events.Fixtures.email;
import static io.loadwise.notifications.events.Fixtures.emails;
import static io.loadwise.notifications.events.Fixtures.member;
import static io.loadwise.notifications.events.Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.messaging.MessageId;
import io.loadwise.messaging.MessagePosted;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.events.Fixtures.Row;
import io.loadwise.notifications.events.internal.WeeklySummaryJob;
import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.Phase;
import io.loadwise.plans.PlanAdjusted;
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
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import io.loadwise.roster.ClientFlags;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.testsupport.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Through real PostgreSQL and Kafka: plan, engine, flag and message events become the client's and
 * the coaches' notifications, following the rules of what is worth telling (a coach's own edit
 * tells nobody; at most one missed-sessions nudge a day; a new flag once); and the weekly summary
 * reaches every coach once a week, however often it runs.
 */
@IntegrationTest
@Import(StandInNotifier.class)
@DirtiesContext
class CoachingNotificationsIT {

    static final String REASON =
            "Next-morning pain 6/10 is above your usual 2/10 — <b>speed</b> work becomes easy running.";

    @Autowired
    PlanStore plans;

    @Autowired
    ClientFlags flags;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    WeeklySummaryJob weeklySummary;

    Tenant tenant;
    String clientEmail;
    String coachEmail;
    String coCoachEmail;
    UUID clientMember;
    UUID coach;
    UUID coCoach;
    ClientId client;

    @BeforeEach
    void aClientWithALeadCoachAndACoCoach() {
        tenant = TestTenants.create("Stride Coaching");
        clientEmail = email("jess");
        coachEmail = email("ruth");
        coCoachEmail = email("sam");
        coach = member(tenant.id(), "owner", coachEmail, "Ruth Okafor");
        coCoach = member(tenant.id(), "coach", coCoachEmail, "Sam Lee");
        clientMember = member(tenant.id(), "client", clientEmail, "Jess Moreno");
        client = client(tenant.id(), clientMember, coach, "Jess Moreno", clientEmail);
        TestTenants.seed(tenant.id(), db -> db.insertInto(io.loadwise.jooq.Tables.CLIENT_COACHES)
                .set(
                        io.loadwise.jooq.Tables.CLIENT_COACHES.TENANT_ID,
                        tenant.id().value())
                .set(io.loadwise.jooq.Tables.CLIENT_COACHES.CLIENT_ID, client.value())
                .set(io.loadwise.jooq.Tables.CLIENT_COACHES.COACH_ID, coCoach)
                .set(io.loadwise.jooq.Tables.CLIENT_COACHES.ASSIGNED_AT, OffsetDateTime.now())
                .execute());
    }

    @Autowired
    io.loadwise.notifications.NotificationRenderer renderer;

    @org.junit.jupiter.api.AfterEach
    void everyStoredEmailRendersWithTheTemplates() {
        Fixtures.renderEveryEmail(renderer, tenant.id());
    }

    @Test
    void a_new_plan_and_the_engines_change_reach_the_client_and_the_coaches_once_and_a_coach_edit_nobody() {
        PlanSnapshot plan = TenantContext.callAs(
                tenant.id(),
                () -> plans.create(
                        client,
                        null,
                        "Hamstring — return to run",
                        content(),
                        LocalDate.now().plusDays(1),
                        PlanStatus.ACTIVE,
                        RevisionSource.COACH,
                        "Assigned by Ruth",
                        null));

        Row assigned = awaitEmails(tenant.id(), "PLAN_ASSIGNED").getFirst();
        assertThat(assigned.email()).isEqualTo(clientEmail);
        assertThat(assigned.model()).containsEntry("planName", "Hamstring — return to run");
        assertThat(assigned.link()).isEqualTo("/t/" + tenant.slug() + "/me/today");

        PlanSession speed = plan.sessions().getFirst();
        revise(plan, 1, RevisionKind.DIAL_BACK, RevisionSource.ENGINE, REASON, speed, RunType.EASY);

        Row toClient = awaitEmails(tenant.id(), "PLAN_ADJUSTED").getFirst();
        assertThat(toClient.email()).isEqualTo(clientEmail);
        assertThat(toClient.model())
                .containsEntry("planName", "Hamstring — return to run")
                .containsEntry("reason", REASON);
        var alerts = awaitEmails(tenant.id(), "PLAN_CHANGED_BY_ENGINE", rows -> rows.size() == 2);
        assertThat(alerts).extracting(Row::email).containsExactlyInAnyOrder(coachEmail, coCoachEmail);
        assertThat(alerts.getFirst().model())
                .containsEntry("clientName", "Jess Moreno")
                .containsEntry("reason", REASON)
                .containsKeys(NotificationType.PLAN_CHANGED_BY_ENGINE.required().toArray(String[]::new));
        assertThat(alerts.getFirst().link()).isEqualTo("/coach/clients/" + client);

        // The same event again (a redelivery), then a coach's own edit, which tells nobody: once
        // its event is consumed, the redelivery was too.
        ConsumerRecord<String, byte[]> adjusted =
                TopicRecords.await(PlanAdjusted.TOPIC, PATIENCE, r -> new String(r.value(), StandardCharsets.UTF_8)
                        .contains(plan.plan().id().toString()));
        kafka.send(new ProducerRecord<>(PlanAdjusted.TOPIC, adjusted.key(), adjusted.value()))
                .join();
        revise(
                plan,
                2,
                RevisionKind.COACH_EDIT,
                RevisionSource.COACH,
                "Shorter long run",
                plan.sessions().get(1),
                RunType.LONG);
        ConsumerRecord<String, byte[]> edit = TopicRecords.await(PlanAdjusted.TOPIC, PATIENCE, r -> {
            String value = new String(r.value(), StandardCharsets.UTF_8);
            return value.contains(plan.plan().id().toString()) && value.contains("\"revision\":3");
        });
        TopicRecords.awaitConsumed("loadwise-notifications", edit, PATIENCE);

        assertThat(emails(tenant.id(), "PLAN_ADJUSTED")).hasSize(1);
        assertThat(emails(tenant.id(), "PLAN_CHANGED_BY_ENGINE")).hasSize(2);
        assertThat(rows(tenant.id()))
                .as("the client and both coaches have accounts: an inbox entry beside each email")
                .filteredOn(r -> r.channel().equals("in_app"))
                .extracting(Row::type)
                .containsExactlyInAnyOrder(
                        "PLAN_ASSIGNED", "PLAN_ADJUSTED", "PLAN_CHANGED_BY_ENGINE", "PLAN_CHANGED_BY_ENGINE");
    }

    @Test
    void missed_sessions_nudge_the_client_at_most_once_a_day() {
        PlanSnapshot plan = TenantContext.callAs(
                tenant.id(),
                () -> plans.create(
                        client,
                        null,
                        "Achilles plan",
                        content(),
                        LocalDate.now().minusDays(14),
                        PlanStatus.ACTIVE,
                        RevisionSource.COACH,
                        "Assigned",
                        null));
        Instant now = Instant.now();

        tx.executeWithoutResult(s -> {
            for (PlanSession session : plan.sessions().subList(0, 2)) {
                events.publishEvent(new SessionMissed(
                        UUID.randomUUID(), tenant.id(), client, plan.plan().id(), session.id(), session.date(), now));
            }
        });

        Row nudge = awaitEmails(tenant.id(), "MISSED_SESSIONS").getFirst();
        assertThat(nudge.email()).isEqualTo(clientEmail);
        assertThat(nudge.model()).containsEntry("planName", "Achilles plan").containsKey("missedCount");
        // A third miss the same day: consumed, but no second nudge.
        UUID third = UUID.randomUUID();
        tx.executeWithoutResult(s -> events.publishEvent(new SessionMissed(
                third,
                tenant.id(),
                client,
                plan.plan().id(),
                plan.sessions().get(0).id(),
                plan.sessions().get(0).date(),
                now)));
        ConsumerRecord<String, byte[]> record = AccountNotificationsIT.recordOf(SessionMissed.TOPIC, third);
        TopicRecords.awaitConsumed("loadwise-notifications", record, PATIENCE);
        assertThat(emails(tenant.id(), "MISSED_SESSIONS")).hasSize(1);
    }

    @Test
    void a_new_pain_spike_flag_alerts_the_coaches_once_and_a_refresh_does_not() {
        TenantContext.runAs(
                tenant.id(),
                () -> flags.raise(client, ClientFlags.PAIN_SPIKE, "Next-morning pain 6/10", 3, Instant.now()));

        var alerts = awaitEmails(tenant.id(), "PAIN_SPIKE", rows -> rows.size() == 2);
        assertThat(alerts).extracting(Row::email).containsExactlyInAnyOrder(coachEmail, coCoachEmail);
        assertThat(alerts.getFirst().model())
                .containsEntry("clientName", "Jess Moreno")
                .containsEntry("detail", "Next-morning pain 6/10");

        // The flag is up already: a fresher detail is no new event; the next flag's alert shows
        // the refresh was consumed without one.
        TenantContext.runAs(
                tenant.id(),
                () -> flags.raise(client, ClientFlags.PAIN_SPIKE, "Next-morning pain 7/10", 4, Instant.now()));
        ClientId other = client(tenant.id(), null, coach, "Lee Other", email("lee"));
        TenantContext.runAs(
                tenant.id(),
                () -> flags.raise(other, ClientFlags.PAIN_SPIKE, "During-run pain 5/10", 3, Instant.now()));
        awaitEmails(tenant.id(), "PAIN_SPIKE", rows -> rows.stream()
                .anyMatch(r -> "Lee Other".equals(r.model().get("clientName"))));
        assertThat(emails(tenant.id(), "PAIN_SPIKE"))
                .filteredOn(r -> "Jess Moreno".equals(r.model().get("clientName")))
                .hasSize(2);
    }

    @Test
    void a_message_tells_the_others_in_the_thread_but_never_what_it_says() {
        tx.executeWithoutResult(s -> events.publishEvent(new MessagePosted(
                UUID.randomUUID(),
                tenant.id(),
                client,
                new MessageId(UUID.randomUUID()),
                clientMember,
                "client",
                Instant.now())));

        var toCoaches = awaitEmails(tenant.id(), "NEW_MESSAGE", rows -> rows.size() == 2);
        assertThat(toCoaches).extracting(Row::email).containsExactlyInAnyOrder(coachEmail, coCoachEmail);
        assertThat(toCoaches.getFirst().model())
                .containsOnlyKeys("authorName", "clientName", "recipientRole")
                .containsEntry("recipientRole", "coach")
                .containsEntry("authorName", "Jess Moreno");

        tx.executeWithoutResult(s -> events.publishEvent(new MessagePosted(
                UUID.randomUUID(),
                tenant.id(),
                client,
                new MessageId(UUID.randomUUID()),
                coach,
                "owner",
                Instant.now())));

        var all = awaitEmails(tenant.id(), "NEW_MESSAGE", rows -> rows.size() == 4);
        assertThat(all)
                .extracting(Row::email)
                .containsExactlyInAnyOrder(coachEmail, coCoachEmail, clientEmail, coCoachEmail);
        assertThat(all)
                .filteredOn(r -> r.email().equals(clientEmail))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.model()).containsEntry("authorName", "Ruth Okafor");
                    assertThat(r.link()).isEqualTo("/t/" + tenant.slug() + "/me/messages");
                });
    }

    @Test
    void the_weekly_summary_counts_flags_new_clients_and_revenue_and_a_rerun_sends_nothing_twice() {
        TenantContext.runAs(
                tenant.id(),
                () -> flags.raise(client, ClientFlags.NO_CHECK_IN, "No check-in for 5 days", 1, Instant.now()));
        LocalDate thisMonday = LocalDate.now(ZoneOffset.UTC)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant lastWeek = thisMonday.minusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
        TestTenants.seed(tenant.id(), db -> {
            db.update(io.loadwise.jooq.Tables.CLIENTS)
                    .set(io.loadwise.jooq.Tables.CLIENTS.CREATED_AT, lastWeek.atOffset(ZoneOffset.UTC))
                    .execute();
            db.insertInto(ORDERS)
                    .set(ORDERS.TENANT_ID, tenant.id().value())
                    .set(ORDERS.ID, UUID.randomUUID())
                    .set(ORDERS.KIND, "guide")
                    .set(ORDERS.CLIENT_ID, client.value())
                    .set(ORDERS.BUYER_EMAIL, clientEmail)
                    .set(ORDERS.STATUS, "partially_refunded")
                    .set(ORDERS.CURRENCY, "USD")
                    .set(ORDERS.AMOUNT_TOTAL_MINOR, 4000L)
                    .set(ORDERS.REFUNDED_MINOR, 1000L)
                    .set(ORDERS.CREATED_AT, lastWeek.atOffset(ZoneOffset.UTC))
                    .set(ORDERS.PAID_AT, lastWeek.atOffset(ZoneOffset.UTC))
                    .set(ORDERS.UPDATED_AT, lastWeek.atOffset(ZoneOffset.UTC))
                    .execute();
        });

        int first = weeklySummary.send(tenant.id());
        int again = weeklySummary.send(tenant.id());

        assertThat(first)
                .as("email and inbox entry for the owner and the coach")
                .isEqualTo(4);
        assertThat(again).isZero();
        var summaries = emails(tenant.id(), "WEEKLY_SUMMARY");
        assertThat(summaries).extracting(Row::email).containsExactlyInAnyOrder(coachEmail, coCoachEmail);
        assertThat(summaries).allSatisfy(r -> assertThat(r.model())
                .containsEntry("weekStart", thisMonday.minusWeeks(1).toString())
                .containsEntry("openFlags", 1)
                .containsEntry("newClients", 1)
                .containsEntry("revenueMinor", 3000)
                .containsEntry("currency", "USD"));
    }

    private void revise(
            PlanSnapshot plan,
            int base,
            RevisionKind kind,
            RevisionSource source,
            String reason,
            PlanSession session,
            RunType type) {
        TenantContext.runAs(
                tenant.id(),
                () -> plans.revise(new RevisionRequest(
                        plan.plan().id(),
                        base,
                        kind,
                        source,
                        reason,
                        List.of(SessionChange.changed(
                                session, new RunSession("Easy run", type, 30, null, Intensity.rpe("3-4"), null, ""))),
                        null,
                        null,
                        source == RevisionSource.ENGINE ? UUID.randomUUID() : null,
                        null)));
    }

    static TemplateContent content() {
        var speed = new RunSession("Speed 6 × 400 m", RunType.SPEED, 40, null, Intensity.rpe("7-8"), "6 × 400 m", "");
        var longRun = new RunSession("Long run", RunType.LONG, 70, null, Intensity.rpe("4"), null, "");
        return new TemplateContent(List.of(new Phase(
                "return-to-speed",
                "Return to speed",
                "",
                "",
                ExitCriteria.DEFAULT,
                null,
                List.of(new TemplateWeek(
                        "",
                        List.of(
                                new TemplateSession(DayOfWeek.TUESDAY, speed),
                                new TemplateSession(DayOfWeek.SATURDAY, longRun)))))));
    }
}
