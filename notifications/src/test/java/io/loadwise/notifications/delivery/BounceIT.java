package io.loadwise.notifications.delivery;

import static io.loadwise.notifications.MailParts.mailTo;
import static io.loadwise.notifications.delivery.StatusReports.deliver;
import static io.loadwise.notifications.delivery.StatusReports.headers;
import static io.loadwise.notifications.delivery.StatusReports.plainMail;
import static io.loadwise.notifications.delivery.StatusReports.report;
import static io.loadwise.notifications.delivery.StatusReports.wholeMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.NotificationsRecord;
import io.loadwise.notifications.DeliveryLog;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Notifier;
import io.loadwise.notifications.Recipient;
import io.loadwise.notifications.delivery.StatusReports.RecipientStatus;
import io.loadwise.notifications.delivery.internal.BounceJob;
import io.loadwise.notifications.delivery.internal.BounceJob.Outcome;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.MailServer;
import io.loadwise.testsupport.TestTenants;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bounces that come back after the receiving server accepted a mail: a delivery status
 * notification in the bounce mailbox (the test SMTP server's, read over IMAP) turns the sent mail
 * bounced in the admins' delivery log, and nothing else in that mailbox changes anything or holds
 * the job up.
 */
class BounceIT extends DeliveryTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    Notifier notifier;

    @Autowired
    DeliveryLog deliveryLog;

    @Autowired
    BounceJob bounces;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    Tenant tenant;

    @BeforeEach
    void aBusinessAndAnEmptyBounceMailbox() {
        tenant = TestTenants.create("Bounce Running");
        SmtpSwitch.instance().up();
        bounces.run();
    }

    @Test
    void a_bounce_reported_after_delivery_marks_the_sent_mail_bounced_in_the_delivery_log() throws Exception {
        Recipient ann = person("Ann Gone", false);
        MimeMessage sent = sendReceiptTo(ann);
        assertThat(sent.getHeader("Return-Path"))
                .as("the envelope sender")
                .singleElement()
                .satisfies(p -> assertThat(p).contains(MailServer.BOUNCE_ADDRESS));
        NotificationsRecord row = emailRow(tenant.id(), ann.email());

        deliver(report(RecipientStatus.unknownUser(ann.email()), wholeMail(sent)));

        assertThat(bounces.run()).isEqualTo(Map.of(Outcome.BOUNCED, 1));
        NotificationsRecord bounced = emailRow(tenant.id(), ann.email());
        assertThat(bounced.getStatus()).isEqualTo("bounced");
        assertThat(bounced.getSentAt()).as("when it was handed over stays").isEqualTo(row.getSentAt());
        ActingAs.run(UUID.randomUUID(), tenant.id(), Role.PLATFORM_ADMIN, () -> {
            assertThat(deliveryLog.entries(tenant.id(), "bounced", 10))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.id()).isEqualTo(row.getId());
                        assertThat(e.lastError())
                                .startsWith("Bounced after delivery (reported by mx.example.test): 5.1.1")
                                .contains("User unknown in virtual mailbox table");
                    });
            assertThat(deliveryLog.counts(tenant.id()).bounced()).isEqualTo(1);
            assertThat(deliveryLog.counts(tenant.id()).sent()).isZero();
        });

        // The same report again (a second worker, a resent DSN): the first diagnostic stays.
        deliver(report(
                new RecipientStatus(ann.email(), "failed", "5.2.1", "smtp; 550 5.2.1 Mailbox disabled"),
                wholeMail(sent)));
        assertThat(bounces.run()).isEqualTo(Map.of(Outcome.UNCHANGED, 1));
        assertThat(emailRow(tenant.id(), ann.email()).getLastError()).contains("5.1.1");
        assertThat(bounces.run()).as("every message is read once").isEmpty();
    }

    @Test
    void a_delay_report_leaves_the_mail_sent() {
        Recipient ben = person("Ben Slow", false);
        MimeMessage sent = sendReceiptTo(ben);

        deliver(report(RecipientStatus.delayed(ben.email()), wholeMail(sent)));

        assertThat(bounces.run()).isEqualTo(Map.of(Outcome.TRANSIENT, 1));
        NotificationsRecord row = emailRow(tenant.id(), ben.email());
        assertThat(row.getStatus()).isEqualTo("sent");
        assertThat(row.getLastError()).isNull();
        assertThat(bounces.run()).isEmpty();
    }

    @Test
    void anything_else_in_the_bounce_mailbox_is_removed_and_counted_and_the_next_report_still_counts() {
        Recipient cleo = person("Cleo Moved", false);
        MimeMessage sent = sendReceiptTo(cleo);
        double before = read(Outcome.NOT_DSN);

        deliver(plainMail("Out of office", "I am away until Monday."));
        deliver(plainMail("Cheap watches", "Buy now"));
        // A report whose returned Message-ID a relay rewrote: found by our own header.
        deliver(report(
                RecipientStatus.unknownUser(cleo.email()),
                headers(
                        "Message-ID: <AM0PR01MB1234@eurprd01.prod.exchangelabs.com>",
                        "X-Loadwise-Notification: " + notificationOf(sent),
                        "Subject: Your receipt")));

        assertThat(bounces.run()).isEqualTo(Map.of(Outcome.NOT_DSN, 2, Outcome.BOUNCED, 1));
        assertThat(read(Outcome.NOT_DSN) - before).isEqualTo(2.0);
        assertThat(emailRow(tenant.id(), cleo.email()).getStatus()).isEqualTo("bounced");
        assertThat(bounces.run()).as("the mailbox is empty").isEmpty();
    }

    @Test
    void a_report_on_a_mail_that_is_not_ours_changes_nothing() {
        Recipient dora = person("Dora Fine", false);
        MimeMessage sent = sendReceiptTo(dora);
        double before = read(Outcome.UNKNOWN);

        deliver(report(
                RecipientStatus.unknownUser(dora.email()),
                headers("Message-ID: <" + UUID.randomUUID() + "@loadwise.local>", "Subject: never sent")));
        deliver(report(
                RecipientStatus.unknownUser(dora.email()),
                headers("Message-ID: <" + notificationOf(sent) + "@shop.example.test>", "Subject: someone else's")));

        assertThat(bounces.run()).isEqualTo(Map.of(Outcome.UNKNOWN, 2));
        assertThat(read(Outcome.UNKNOWN) - before).isEqualTo(2.0);
        assertThat(emailRow(tenant.id(), dora.email()).getStatus()).isEqualTo("sent");
    }

    @Test
    void the_look_up_across_businesses_tells_the_business_of_an_email_and_shows_no_row() {
        Recipient eve = person("Eve Elsewhere", false);
        UUID id = UUID.fromString(notificationOf(sendReceiptTo(eve)));

        tx.executeWithoutResult(s -> {
            // No business bound, as the bounce job asks.
            assertThat(db.fetchValue("select email_notification_tenant(?)", id))
                    .isEqualTo(tenant.id().value());
            // The variable the function uses does not open the table to the application itself.
            db.fetch("select set_config('loadwise.bounce_lookup', 'on', true)");
            assertThat(db.fetchValue("select count(*) from notifications where id = ?", id))
                    .isEqualTo(0L);
        });
    }

    private MimeMessage sendReceiptTo(Recipient recipient) {
        notifier.notify(request(tenant.id(), NotificationType.RECEIPT, recipient, DeliveryIT.receipt()));
        await().atMost(PATIENCE).until(() -> mailTo(recipient.email()).size() == 1);
        await().atMost(PATIENCE)
                .until(() ->
                        emailRow(tenant.id(), recipient.email()).getStatus().equals("sent"));
        return mailTo(recipient.email()).getFirst();
    }

    private double read(Outcome outcome) {
        var counter = meters.find(BounceJob.READ).tag("outcome", outcome.tag()).counter();
        return counter == null ? 0 : counter.count();
    }
}
