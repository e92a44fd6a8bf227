package io.loadwise.notifications.plans;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.notifications.MailParts.mailTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loadwise.notifications.MailParts;
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
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.testsupport.TopicRecords;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Through real PostgreSQL, Kafka and SMTP: a plan's assignment mails the client; the engine's
 * dial-back mails the client the reason and alerts the coach, once each even when the event is
 * delivered again; a coach's own session edit mails nobody.
 */
@IntegrationTest
@DirtiesContext // stops this context's consumers, so later test classes own the consumer group
class PlanMailIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String REASON =
            "Next-morning pain 6/10 is above your usual 2/10 — <b>speed</b> work becomes easy running.";

    @Autowired
    PlanStore plans;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    Tenant tenant;
    String clientEmail;
    String coachEmail;
    ClientId client;

    @BeforeEach
    void aClientWithACoach() {
        tenant = TestTenants.create("Stride Coaching");
        UUID coach = UUID.randomUUID();
        client = new ClientId(UUID.randomUUID());
        clientEmail = "jess-" + UUID.randomUUID() + "@example.com";
        coachEmail = "ruth-" + UUID.randomUUID() + "@example.com";
        TestTenants.seed(tenant.id(), db -> {
            db.insertInto(MEMBERS)
                    .set(MEMBERS.TENANT_ID, tenant.id().value())
                    .set(MEMBERS.ID, coach)
                    .set(MEMBERS.USER_ID, UUID.randomUUID())
                    .set(MEMBERS.ROLE, "owner")
                    .set(MEMBERS.EMAIL, coachEmail)
                    .set(MEMBERS.DISPLAY_NAME, "Ruth Okafor")
                    .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                    .execute();
            db.insertInto(CLIENTS)
                    .set(CLIENTS.TENANT_ID, tenant.id().value())
                    .set(CLIENTS.ID, client.value())
                    .set(CLIENTS.COACH_ID, coach)
                    .set(CLIENTS.DISPLAY_NAME, "Jess Moreno")
                    .set(CLIENTS.EMAIL, clientEmail)
                    .set(CLIENTS.STATUS, "active")
                    .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                    .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                    .execute();
        });
    }

    @Test
    void the_client_hears_of_a_new_plan_and_the_engine_change_with_its_reason_and_the_coach_is_alerted_once() {
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

        await().atMost(PATIENCE).until(() -> mailTo(clientEmail).size() == 1);
        assertThat(MailParts.subject(mailTo(clientEmail).getFirst()))
                .isEqualTo("Your training plan from Stride Coaching is ready");

        PlanSession speed = plan.sessions().getFirst();
        TenantContext.runAs(
                tenant.id(),
                () -> plans.revise(new RevisionRequest(
                        plan.plan().id(),
                        1,
                        RevisionKind.DIAL_BACK,
                        RevisionSource.ENGINE,
                        REASON,
                        List.of(SessionChange.changed(
                                speed,
                                new RunSession("Easy run", RunType.EASY, 30, null, Intensity.rpe("3-4"), null, ""))),
                        null,
                        null,
                        UUID.randomUUID(),
                        null)));

        await().atMost(PATIENCE)
                .until(() ->
                        mailTo(clientEmail).size() == 2 && mailTo(coachEmail).size() == 1);
        MimeMessage toClient = mailTo(clientEmail).get(1);
        MimeMessage alert = mailTo(coachEmail).getFirst();
        assertThat(MailParts.subject(toClient)).isEqualTo("Your plan was dialled back for a few days");
        assertThat(MailParts.text(toClient)).contains("Why: " + REASON).contains("/t/" + tenant.slug() + "/me/today");
        assertThat(MailParts.subject(alert)).isEqualTo("Jess Moreno's plan was dialled back");
        assertThat(MailParts.text(alert)).contains(REASON).contains("/coach/clients/" + client);
        assertThat(MailParts.html(alert)).contains("&lt;b&gt;speed&lt;/b&gt;").doesNotContain("<b>speed</b>");

        // The same event again (a redelivery): nobody gets a second mail.
        ConsumerRecord<String, byte[]> adjusted =
                TopicRecords.await(PlanAdjusted.TOPIC, PATIENCE, r -> new String(r.value())
                        .contains(plan.plan().id().toString()));
        kafka.send(new ProducerRecord<>(PlanAdjusted.TOPIC, adjusted.key(), adjusted.value()))
                .join();
        // Then a coach's own edit, which mails nobody: once its event is consumed the redelivery was too.
        PlanSession next = plan.sessions().get(1);
        TenantContext.runAs(
                tenant.id(),
                () -> plans.revise(new RevisionRequest(
                        plan.plan().id(),
                        2,
                        RevisionKind.COACH_EDIT,
                        RevisionSource.COACH,
                        "Shorter long run",
                        List.of(SessionChange.changed(
                                next,
                                new RunSession("Long run", RunType.LONG, 50, null, Intensity.rpe("4"), null, ""))),
                        null,
                        null,
                        null,
                        null)));
        ConsumerRecord<String, byte[]> edit = TopicRecords.await(PlanAdjusted.TOPIC, PATIENCE, r -> {
            String value = new String(r.value());
            return value.contains(plan.plan().id().toString()) && value.contains("\"revision\":3");
        });
        TopicRecords.awaitConsumed(PlanMailer.GROUP, edit, PATIENCE);
        assertThat(mailTo(clientEmail)).extracting(MailParts::subject).hasSize(2);
        assertThat(mailTo(coachEmail)).hasSize(1);
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
