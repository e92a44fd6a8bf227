package io.loadwise.notifications.delivery;

import static io.loadwise.jooq.Tables.AUDIT_LOG;
import static io.loadwise.jooq.Tables.NOTIFICATION_PREFERENCES;
import static io.loadwise.notifications.MailParts.mailTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.NotificationsRecord;
import io.loadwise.notifications.DeliveryLog;
import io.loadwise.notifications.MailParts;
import io.loadwise.notifications.NotificationRequest;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Notifier;
import io.loadwise.notifications.Recipient;
import io.loadwise.notifications.RecipientPreferences;
import io.loadwise.notifications.UnsubscribeLinks;
import io.loadwise.notifications.delivery.internal.DailyDigestJob;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.TestTenants;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery end to end through real PostgreSQL and SMTP: what a recipient finds in their mailbox
 * and what an admin finds in the delivery log.
 */
class DeliveryIT extends DeliveryTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    Notifier notifier;

    @Autowired
    DeliveryLog deliveryLog;

    @Autowired
    DailyDigestJob digests;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    RecipientPreferences recipientPreferences;

    @Autowired
    TransactionTemplate tx;

    Tenant tenant;

    @BeforeEach
    void aBusiness() {
        tenant = TestTenants.create("Stride & <Co>");
        SmtpSwitch.instance().up();
    }

    @AfterEach
    void smtpBackOn() {
        SmtpSwitch.instance().up();
    }

    @Test
    void the_same_request_twice_stores_one_row_per_channel_and_sends_one_mail() throws Exception {
        Recipient dana = person("Dana Client", true);
        NotificationRequest request = request(
                tenant.id(), NotificationType.PLAN_ADJUSTED, dana, Map.of("planName", "Half", "reason", "knee"));

        assertThat(notifier.notify(request)).isEqualTo(2);
        assertThat(notifier.notify(request)).isZero();

        await().atMost(PATIENCE).until(() -> mailTo(dana.email()).size() == 1);
        Thread.sleep(500); // a second mail would be on its way by now
        assertThat(mailTo(dana.email())).hasSize(1);
        MimeMessage mail = mailTo(dana.email()).getFirst();
        assertThat(MailParts.subject(mail)).isEqualTo("Your plan \"Half\" was adjusted");
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Stride & <Co>");
        assertThat(from.getAddress()).isEqualTo("no-reply@loadwise.local");
        assertThat(mail.getHeader("List-Unsubscribe")[0])
                .startsWith("<https://coach.example.test/notifications/unsubscribe?token=");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        // Plain text and HTML side by side, plain first (a client shows the last it can), nothing nested.
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart alternatives = (Multipart) mail.getContent();
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(alternatives.getBodyPart(0).getContentType()).containsIgnoringCase("text/plain; charset=UTF-8");
        assertThat(alternatives.getBodyPart(1).getContentType()).containsIgnoringCase("text/html; charset=UTF-8");
        assertThat(MailParts.text(mail)).contains("knee");

        List<NotificationsRecord> rows = rows(tenant.id(), dana.email());
        assertThat(rows).extracting(NotificationsRecord::getChannel).containsExactlyInAnyOrder("email", "in_app");
        NotificationsRecord email = emailRow(tenant.id(), dana.email());
        await().atMost(PATIENCE)
                .until(() -> emailRow(tenant.id(), dana.email()).getStatus().equals("sent"));
        assertThat(mail.getMessageID()).isEqualTo("<" + email.getId() + "@loadwise.local>");
        NotificationsRecord inbox = rows.stream()
                .filter(r -> r.getChannel().equals("in_app"))
                .findFirst()
                .orElseThrow();
        assertThat(inbox.getStatus()).isEqualTo("unread");
        assertThat(inbox.getTitle()).isEqualTo("Your plan was adjusted");
        assertThat(inbox.getLink()).endsWith("/t/test/me");
    }

    @Test
    void mail_stored_while_smtp_is_down_is_delivered_exactly_once_when_it_returns() {
        SmtpSwitch.instance().down();
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Recipient r = person("Offline " + i, false);
            recipients.add(r);
            notifier.notify(request(tenant.id(), NotificationType.RECEIPT, r, receipt()));
        }
        await().atMost(PATIENCE).until(() -> recipients.stream()
                .allMatch(r -> emailRow(tenant.id(), r.email()).getStatus().equals("failed")));
        assertThat(recipients).allSatisfy(r -> assertThat(mailTo(r.email())).isEmpty());

        SmtpSwitch.instance().up();

        await().atMost(PATIENCE).until(() -> recipients.stream()
                .allMatch(r -> emailRow(tenant.id(), r.email()).getStatus().equals("sent")));
        assertThat(recipients).allSatisfy(r -> assertThat(mailTo(r.email())).hasSize(1));
        assertThat(emailRow(tenant.id(), recipients.getFirst().email()).getLastError())
                .isNull();
    }

    @Test
    void a_mail_that_keeps_failing_backs_off_then_is_dead_and_an_admin_replays_it() {
        SmtpSwitch.instance().down();
        Recipient fay = person("Fay Failing", false);
        long started = System.nanoTime();
        notifier.notify(request(tenant.id(), NotificationType.RECEIPT, fay, receipt()));

        await().atMost(PATIENCE)
                .until(() -> emailRow(tenant.id(), fay.email()).getStatus().equals("dead"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        NotificationsRecord dead = emailRow(tenant.id(), fay.email());
        assertThat(dead.getAttempts()).isEqualTo(5);
        assertThat(dead.getLastError()).containsIgnoringCase("SMTP");
        // waits of 200, 400, 800 and (capped) 1000 ms between the five attempts
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(2400));
        assertThat(mailTo(fay.email())).isEmpty();

        UUID admin = UUID.randomUUID();
        ActingAs.run(admin, tenant.id(), Role.PLATFORM_ADMIN, () -> {
            assertThat(deliveryLog.deadLetters(500))
                    .extracting(DeliveryLog.Entry::id)
                    .contains(dead.getId());
            assertThat(deliveryLog.counts(tenant.id()).dead()).isEqualTo(1);
        });
        assertThatThrownBy(() -> ActingAs.run(
                        UUID.randomUUID(),
                        tenant.id(),
                        Role.COACH,
                        () -> deliveryLog.replay(tenant.id(), dead.getId(), "customer asked")))
                .isInstanceOf(AccessDeniedException.class);

        SmtpSwitch.instance().up();
        ActingAs.run(
                admin,
                tenant.id(),
                Role.PLATFORM_ADMIN,
                () -> deliveryLog.replay(tenant.id(), dead.getId(), "SMTP provider outage fixed"));

        await().atMost(PATIENCE).until(() -> mailTo(fay.email()).size() == 1);
        await().atMost(PATIENCE)
                .until(() -> emailRow(tenant.id(), fay.email()).getStatus().equals("sent"));
        List<Record> audit = new ArrayList<>();
        sql(
                tenant.id(),
                db -> audit.addAll(db.select(AUDIT_LOG.ACTION, AUDIT_LOG.REASON, AUDIT_LOG.ACTOR_ID)
                        .from(AUDIT_LOG)
                        .where(AUDIT_LOG.SUBJECT_ID.eq(dead.getId()))
                        .fetch()));
        assertThat(audit).singleElement().satisfies(r -> {
            assertThat(r.get(AUDIT_LOG.ACTION)).isEqualTo("notification-replay");
            assertThat(r.get(AUDIT_LOG.REASON)).isEqualTo("SMTP provider outage fixed");
            assertThat(r.get(AUDIT_LOG.ACTOR_ID)).isEqualTo(admin);
        });
        // Sent now: a second replay is refused.
        assertThatThrownBy(() -> ActingAs.run(
                        admin,
                        tenant.id(),
                        Role.PLATFORM_ADMIN,
                        () -> deliveryLog.replay(tenant.id(), dead.getId(), "again")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_address_that_is_none_bounces_and_an_unrenderable_mail_is_dead_without_holding_up_the_batch() {
        Recipient nobody = new Recipient("nobody-at-all", "Nobody", null);
        Recipient incomplete = person("Ivy Incomplete", false);
        Recipient fine = person("Finn Fine", false);
        TenantContext.runAs(
                tenant.id(),
                () -> tx.executeWithoutResult(s -> {
                    notifier.notify(request(tenant.id(), NotificationType.RECEIPT, nobody, receipt()));
                    notifier.notify(request(tenant.id(), NotificationType.PLAN_ASSIGNED, incomplete, Map.of()));
                    notifier.notify(request(tenant.id(), NotificationType.RECEIPT, fine, receipt()));
                }));

        await().atMost(PATIENCE).until(() -> mailTo(fine.email()).size() == 1);
        await().atMost(PATIENCE)
                .until(() -> emailRow(tenant.id(), fine.email()).getStatus().equals("sent"));
        NotificationsRecord bounced = emailRow(tenant.id(), nobody.email());
        assertThat(bounced.getStatus()).isEqualTo("bounced");
        assertThat(bounced.getLastError()).contains("Not a mail address");
        NotificationsRecord dead = emailRow(tenant.id(), incomplete.email());
        assertThat(dead.getStatus()).isEqualTo("dead");
        assertThat(dead.getAttempts()).isZero();
        assertThat(dead.getLastError()).contains("planName");
        assertThat(mailTo(incomplete.email())).isEmpty();
        ActingAs.run(UUID.randomUUID(), tenant.id(), Role.PLATFORM_ADMIN, () -> {
            DeliveryLog.Counts counts = deliveryLog.counts(tenant.id());
            assertThat(counts.bounced()).isEqualTo(1);
            assertThat(counts.dead()).isEqualTo(1);
            assertThat(counts.sent()).isEqualTo(1);
            assertThat(deliveryLog.entries(tenant.id(), "dead", 10))
                    .singleElement()
                    .satisfies(e -> assertThat(e.lastError()).contains("planName"));
        });
    }

    @Test
    void quiet_hours_hold_normal_mail_until_they_end_but_not_urgent_mail() {
        Recipient coach = person("Quinn Quiet", false);
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        settings(tenant.id(), coach.email(), s -> {
            s.setTimeZone("UTC");
            s.setQuietStart(now.minusHours(1));
            s.setQuietEnd(now.plusSeconds(8));
        });

        notifier.notify(request(
                tenant.id(),
                NotificationType.PLAN_CHANGED_BY_ENGINE,
                coach,
                Map.of("clientName", "Dana", "planName", "Half", "reason", "load")));
        notifier.notify(request(
                tenant.id(), NotificationType.PAIN_SPIKE, coach, Map.of("clientName", "Dana", "detail", "7/10")));
        String painSpike = rows(tenant.id(), coach.email()).stream()
                .filter(r -> r.getType().equals("pain-spike"))
                .findFirst()
                .orElseThrow()
                .getId()
                .toString();

        NotificationsRecord held = rows(tenant.id(), coach.email()).getFirst();
        assertThat(held.getStatus()).isEqualTo("held");
        assertThat(held.getNextAttemptAt()).isAfter(OffsetDateTime.now());

        await().atMost(PATIENCE).until(() -> mailTo(coach.email()).size() >= 1);
        assertThat(notificationOf(mailTo(coach.email()).getFirst())).isEqualTo(painSpike);
        await().atMost(PATIENCE).until(() -> mailTo(coach.email()).size() == 2);
        assertThat(notificationOf(mailTo(coach.email()).getLast()))
                .isEqualTo(held.getId().toString());
    }

    @Test
    void a_coach_with_the_daily_digest_gets_one_mail_gathering_the_day_once() {
        Recipient coach = digestCoach("Dee Digest");
        notifier.notify(request(
                tenant.id(),
                NotificationType.PLAN_CHANGED_BY_ENGINE,
                coach,
                Map.of("clientName", "Ann", "planName", "10k", "reason", "load")));
        notifier.notify(request(
                tenant.id(),
                NotificationType.ADJUSTMENT_PROPOSED,
                coach,
                Map.of("clientName", "Ben", "planName", "Marathon", "reason", "pain")));
        assertThat(rows(tenant.id(), coach.email()))
                .filteredOn(r -> r.getChannel().equals("email"))
                .extracting(NotificationsRecord::getStatus)
                .containsExactly("digest", "digest");
        assertThat(rows(tenant.id(), coach.email()))
                .filteredOn(r -> r.getChannel().equals("in_app"))
                .extracting(NotificationsRecord::getStatus)
                .containsExactly("unread", "unread");

        assertThat(digests.runFor(tenant.id())).isEqualTo(1);
        assertThat(digests.runFor(tenant.id())).isZero();

        await().atMost(PATIENCE).until(() -> mailTo(coach.email()).size() == 1);
        String text = MailParts.text(mailTo(coach.email()).getFirst());
        assertThat(MailParts.subject(mailTo(coach.email()).getFirst()))
                .isEqualTo("Your daily digest from Stride & <Co>: 2 updates");
        assertThat(text).contains("Ann", "Ben");
        assertThat(rows(tenant.id(), coach.email()))
                .filteredOn(r -> r.getChannel().equals("email") && !r.getType().equals("daily-digest"))
                .extracting(NotificationsRecord::getStatus)
                .containsExactly("sent", "sent");
        assertThat(rows(tenant.id(), coach.email()))
                .filteredOn(r -> r.getType().equals("daily-digest"))
                .hasSize(1);
    }

    @Test
    void a_coach_who_unsubscribed_from_the_digest_gets_no_mail_and_the_log_says_suppressed_not_sent() throws Exception {
        Recipient coach = digestCoach("Una Unsubscribed");
        notifier.notify(request(
                tenant.id(),
                NotificationType.PLAN_CHANGED_BY_ENGINE,
                coach,
                Map.of("clientName", "Ann", "planName", "10k", "reason", "load")));
        // The one-click unsubscribe link of an earlier digest mail
        recipientPreferences.unsubscribe(tenant.id(), coach.email(), NotificationType.DAILY_DIGEST);

        assertThat(digests.runFor(tenant.id())).isEqualTo(1);

        assertThat(rows(tenant.id(), coach.email()))
                .filteredOn(r -> r.getType().equals("daily-digest"))
                .extracting(NotificationsRecord::getStatus)
                .containsExactly("suppressed");
        NotificationsRecord gathered = rows(tenant.id(), coach.email()).stream()
                .filter(r -> r.getChannel().equals("email") && r.getType().equals("plan-changed-by-engine"))
                .findFirst()
                .orElseThrow();
        assertThat(gathered.getStatus()).isEqualTo("suppressed");
        assertThat(gathered.getSentAt()).isNull();
        assertThat(rows(tenant.id(), coach.email()))
                .filteredOn(r -> r.getChannel().equals("in_app"))
                .extracting(NotificationsRecord::getStatus)
                .containsExactly("unread");
        ActingAs.run(UUID.randomUUID(), tenant.id(), Role.PLATFORM_ADMIN, () -> assertThat(
                        deliveryLog.entries(tenant.id(), "sent", 50))
                .extracting(DeliveryLog.Entry::recipientEmail)
                .doesNotContain(coach.email()));
        Thread.sleep(500); // a mail would be on its way by now
        assertThat(mailTo(coach.email())).isEmpty();
    }

    @Test
    void a_transactional_mail_is_sent_although_switched_off_and_a_switched_off_one_is_logged_as_suppressed()
            throws Exception {
        Recipient buyer = person("Bo Buyer", true);
        sql(tenant.id(), db -> {
            for (String type : List.of("receipt", "plan-assigned")) {
                db.insertInto(NOTIFICATION_PREFERENCES)
                        .set(NOTIFICATION_PREFERENCES.TENANT_ID, tenant.id().value())
                        .set(NOTIFICATION_PREFERENCES.RECIPIENT_EMAIL, buyer.email())
                        .set(NOTIFICATION_PREFERENCES.TYPE, type)
                        .set(NOTIFICATION_PREFERENCES.CHANNEL, "email")
                        .set(NOTIFICATION_PREFERENCES.ENABLED, false)
                        .set(NOTIFICATION_PREFERENCES.UPDATED_AT, OffsetDateTime.now())
                        .execute();
            }
        });

        notifier.notify(request(tenant.id(), NotificationType.PLAN_ASSIGNED, buyer, Map.of("planName", "5k")));
        notifier.notify(request(tenant.id(), NotificationType.RECEIPT, buyer, receipt()));

        await().atMost(PATIENCE).until(() -> mailTo(buyer.email()).size() == 1);
        assertThat(MailParts.subject(mailTo(buyer.email()).getFirst())).startsWith("Your receipt from Stride & <Co>");
        assertThat(mailTo(buyer.email()).getFirst().getHeader("List-Unsubscribe"))
                .isNull();
        assertThat(rows(tenant.id(), buyer.email()))
                .filteredOn(r -> r.getType().equals("plan-assigned"))
                .extracting(NotificationsRecord::getChannel, NotificationsRecord::getStatus)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("email", "suppressed"),
                        org.assertj.core.groups.Tuple.tuple("in_app", "unread"));
    }

    /** A coach with the daily digest, due since a minute ago. */
    private Recipient digestCoach(String name) {
        Recipient coach = person(name, true);
        settings(tenant.id(), coach.email(), s -> {
            s.setTimeZone("UTC");
            s.setDailyDigest(true);
            s.setDigestAt(LocalTime.now(ZoneOffset.UTC).minusMinutes(1));
        });
        return coach;
    }

    static Map<String, Object> receipt() {
        return Map.of(
                "orderId", UUID.randomUUID().toString(),
                "offerTitle", "Coaching",
                "offerKind", "coaching",
                "amountTotalMinor", 4900,
                "currency", "EUR",
                "paidAt", "2026-11-27T10:00:00Z");
    }
}
