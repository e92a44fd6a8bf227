package io.loadwise.notifications.delivery.internal;

import static io.loadwise.notifications.delivery.StatusReports.headers;
import static io.loadwise.notifications.delivery.StatusReports.headersOf;
import static io.loadwise.notifications.delivery.StatusReports.plainMail;
import static io.loadwise.notifications.delivery.StatusReports.received;
import static io.loadwise.notifications.delivery.StatusReports.report;
import static io.loadwise.notifications.delivery.StatusReports.wholeMail;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.notifications.delivery.StatusReports.RecipientStatus;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading delivery status notifications the way mail servers write them (after a trip through bytes). */
class DeliveryStatusReportTests {

    static final String DOMAIN = "loadwise.local";

    final UUID id = UUID.fromString("019a7b2c-1d2e-7f30-8a41-b2c3d4e5f607");
    final MimeMessage sent = ourMail(id);

    @Test
    void a_permanent_failure_names_our_mail_and_says_what_the_remote_server_said() throws Exception {
        var report = DeliveryStatusReport.read(
                        received(report(RecipientStatus.unknownUser("ann@example.test"), wholeMail(sent))))
                .orElseThrow();

        assertThat(report.notificationId(DOMAIN)).contains(id);
        assertThat(report.reportingMta()).isEqualTo("mx.example.test");
        assertThat(report.recipients()).singleElement().satisfies(r -> {
            assertThat(r.finalRecipient()).isEqualTo("ann@example.test");
            assertThat(r.action()).isEqualTo("failed");
            assertThat(r.status()).isEqualTo("5.1.1");
            assertThat(r.permanentFailure()).isTrue();
        });
        // The folded diagnostic comes out on one line.
        assertThat(report.permanentFailure().orElseThrow().describe(report.reportingMta()))
                .isEqualTo("Bounced after delivery (reported by mx.example.test): 5.1.1 smtp; 550 5.1.1"
                        + " <ann@example.test>: Recipient address rejected: User unknown in virtual mailbox table");
    }

    @Test
    void a_delay_or_a_failure_with_a_transient_status_is_no_permanent_failure() throws Exception {
        var delayed = DeliveryStatusReport.read(
                        received(report(RecipientStatus.delayed("ann@example.test"), wholeMail(sent))))
                .orElseThrow();
        assertThat(delayed.notificationId(DOMAIN)).contains(id);
        assertThat(delayed.recipients()).singleElement().satisfies(r -> assertThat(r.status())
                .isEqualTo("4.4.1"));
        assertThat(delayed.permanentFailure()).isEmpty();

        var failedTransiently = DeliveryStatusReport.read(received(report(
                        new RecipientStatus("ann@example.test", "failed", "4.2.2 (mailbox full)", null),
                        wholeMail(sent))))
                .orElseThrow();
        assertThat(failedTransiently.recipients().getFirst().status()).isEqualTo("4.2.2");
        assertThat(failedTransiently.permanentFailure()).isEmpty();
    }

    @Test
    void returned_headers_only_serve_as_well_and_a_rewritten_message_id_falls_back_to_our_header() throws Exception {
        var headersOnly = DeliveryStatusReport.read(
                        received(report(RecipientStatus.unknownUser("ann@example.test"), headersOf(sent))))
                .orElseThrow();
        assertThat(headersOnly.notificationId(DOMAIN)).contains(id);

        var rewritten = DeliveryStatusReport.read(received(report(
                        RecipientStatus.unknownUser("ann@example.test"),
                        headers(
                                "Message-ID: <AM0PR01MB1234.eurprd01.prod.exchangelabs.com>",
                                "X-Loadwise-Notification: " + id,
                                "Subject: Your receipt"))))
                .orElseThrow();
        assertThat(rewritten.notificationId(DOMAIN)).contains(id);
    }

    @Test
    void a_report_on_someone_elses_mail_names_no_notification() throws Exception {
        var otherDomain = DeliveryStatusReport.read(received(report(
                        RecipientStatus.unknownUser("ann@example.test"),
                        headers("Message-ID: <" + id + "@shop.example.test>"))))
                .orElseThrow();
        assertThat(otherDomain.notificationId(DOMAIN)).isEmpty();

        var notAnId = DeliveryStatusReport.read(received(report(
                        RecipientStatus.unknownUser("ann@example.test"),
                        headers("Message-ID: <20261128.abc@loadwise.local>", "X-Loadwise-Notification: 1-2-3-4-5"))))
                .orElseThrow();
        assertThat(notAnId.notificationId(DOMAIN)).isEmpty();

        var nothingReturned = DeliveryStatusReport.read(received(
                        report(RecipientStatus.unknownUser("ann@example.test"), textPart("Your mail was lost."))))
                .orElseThrow();
        assertThat(nothingReturned.notificationId(DOMAIN)).isEmpty();
        assertThat(nothingReturned.permanentFailure()).isPresent();
    }

    @Test
    void mail_that_is_no_delivery_status_notification_reads_as_none() throws Exception {
        assertThat(DeliveryStatusReport.read(received(plainMail("Out of office", "Back on Monday."))))
                .isEmpty();

        MimeMessage receipt = new MimeMessage(Session.getInstance(new Properties()));
        MimeMultipart mixed = new MimeMultipart("report"); // no report-type
        mixed.addBodyPart(textPart("Read receipt"));
        receipt.setContent(mixed);
        receipt.saveChanges();
        assertThat(DeliveryStatusReport.read(received(receipt))).isEmpty();

        MimeMessage noStatus = new MimeMessage(Session.getInstance(new Properties()));
        MimeMultipart onlyText = new MimeMultipart("mixed");
        onlyText.addBodyPart(textPart("Undeliverable: your mail"));
        noStatus.setContent(onlyText);
        noStatus.saveChanges();
        assertThat(DeliveryStatusReport.read(received(noStatus))).isEmpty();
    }

    static MimeMessage ourMail(UUID id) {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
            mail.setFrom(new InternetAddress("no-reply@" + DOMAIN, "Stride Coaching"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@example.test"));
            mail.setSubject("Your receipt");
            mail.setText("Thank you for your order.", "utf-8");
            mail.saveChanges();
            mail.setHeader("Message-ID", "<" + id + "@" + DOMAIN + ">");
            mail.setHeader("X-Loadwise-Notification", id.toString());
            return mail;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeBodyPart textPart(String text) {
        try {
            MimeBodyPart part = new MimeBodyPart();
            part.setText(text, "us-ascii");
            return part;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
