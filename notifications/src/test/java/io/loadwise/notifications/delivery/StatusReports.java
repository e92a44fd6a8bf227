package io.loadwise.notifications.delivery;

import io.loadwise.testsupport.MailServer;
import io.loadwise.testsupport.TestInfrastructure;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * Delivery status notifications (RFC 3464) as a receiving mail server writes them some time after
 * it accepted a mail, composed with Angus Mail: a {@code multipart/report;
 * report-type=delivery-status} with a human-readable part, the {@code message/delivery-status} part
 * and the returned mail (whole, or its headers only).
 */
public final class StatusReports {

    private static final Session SESSION = Session.getInstance(new Properties());

    private StatusReports() {}

    /** What the report says about the one recipient. */
    public record RecipientStatus(
            String finalRecipient,
            String action,
            String status,
            @Nullable String diagnosticCode) {

        public static RecipientStatus unknownUser(String address) {
            return new RecipientStatus(
                    address,
                    "failed",
                    "5.1.1",
                    "smtp; 550 5.1.1 <" + address
                            + ">: Recipient address rejected:\r\n    User unknown in virtual mailbox table");
        }

        public static RecipientStatus delayed(String address) {
            return new RecipientStatus(
                    address, "delayed", "4.4.1", "smtp; 451 4.4.1 Connection timed out, will keep trying");
        }
    }

    /** The report a server sends to the bounce address about {@code returned}. */
    public static MimeMessage report(RecipientStatus recipient, BodyPart returned) {
        try {
            MimeMessage report = new MimeMessage(SESSION);
            report.setFrom(new InternetAddress("MAILER-DAEMON@mx.example.test", "Mail Delivery System"));
            report.setRecipient(Message.RecipientType.TO, new InternetAddress(MailServer.BOUNCE_ADDRESS));
            report.setSubject(
                    recipient.action().equals("failed")
                            ? "Undelivered Mail Returned to Sender"
                            : "Delayed Mail (still being retried)");
            MimeMultipart parts = new ReportMultipart();
            MimeBodyPart human = new MimeBodyPart();
            human.setText(
                    "This is the mail system at host mx.example.test.\n\nI'm sorry to have to inform you that your"
                            + " message could not be delivered to one or more recipients.\n",
                    "us-ascii");
            parts.addBodyPart(human);
            String fields = "Reporting-MTA: dns; mx.example.test\r\n"
                    + "X-Postfix-Queue-ID: 4XyZ1k2mN3\r\n"
                    + "Arrival-Date: Sat, 28 Nov 2026 04:30:00 +0000 (UTC)\r\n"
                    + "\r\n"
                    + "Final-Recipient: rfc822; " + recipient.finalRecipient() + "\r\n"
                    + "Original-Recipient: rfc822;" + recipient.finalRecipient() + "\r\n"
                    + "Action: " + recipient.action() + "\r\n"
                    + "Status: " + recipient.status() + "\r\n"
                    + "Remote-MTA: dns; mail.example.test\r\n"
                    + (recipient.diagnosticCode() == null
                            ? ""
                            : "Diagnostic-Code: " + recipient.diagnosticCode() + "\r\n");
            parts.addBodyPart(part("message/delivery-status", fields.getBytes(StandardCharsets.US_ASCII)));
            parts.addBodyPart(returned);
            report.setContent(parts);
            report.saveChanges();
            return report;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The returned mail whole ({@code message/rfc822}), as most servers send it back. */
    public static BodyPart wholeMail(MimeMessage original) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            original.writeTo(bytes);
            return part("message/rfc822", bytes.toByteArray());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only the returned mail's headers ({@code text/rfc822-headers}), as some servers send them. */
    public static BodyPart headersOf(MimeMessage original) {
        try {
            StringBuilder text = new StringBuilder();
            Enumeration<String> lines = original.getAllHeaderLines();
            while (lines.hasMoreElements()) {
                text.append(lines.nextElement()).append("\r\n");
            }
            return part("text/rfc822-headers", text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Headers of a returned mail written by hand (a Message-ID a relay rewrote, or someone else's). */
    public static BodyPart headers(String... lines) {
        return part("text/rfc822-headers", (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Delivers a mail to the test server over SMTP; to the bounce mailbox when it is addressed there. */
    public static void deliver(MimeMessage message) {
        Properties smtp = new Properties();
        smtp.setProperty("mail.smtp.host", "127.0.0.1");
        smtp.setProperty(
                "mail.smtp.port", String.valueOf(TestInfrastructure.mail().smtpPort()));
        smtp.setProperty("mail.smtp.from", "MAILER-DAEMON@mx.example.test");
        try {
            // Sent as received: what went through SMTP is what the bounce job reads over IMAP.
            MimeMessage copy = new MimeMessage(Session.getInstance(smtp), new ByteArrayInputStream(bytes(message)));
            Transport.send(copy);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mail as it arrives: written out and read back. */
    public static MimeMessage received(MimeMessage message) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(bytes(message)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain mail to the bounce mailbox that is no report (an auto-reply, spam). */
    public static MimeMessage plainMail(String subject, String text) {
        try {
            MimeMessage mail = new MimeMessage(SESSION);
            mail.setFrom(new InternetAddress("someone@example.test"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MailServer.BOUNCE_ADDRESS));
            mail.setSubject(subject);
            mail.setText(text, "utf-8");
            mail.saveChanges();
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeBodyPart part(String type, byte[] content) {
        try {
            InternetHeaders headers = new InternetHeaders();
            headers.addHeader("Content-Type", type);
            headers.addHeader("Content-Transfer-Encoding", "8bit");
            return new MimeBodyPart(headers, content);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code multipart/report} carrying the {@code report-type} parameter RFC 6522 requires. */
    private static final class ReportMultipart extends MimeMultipart {
        ReportMultipart() throws MessagingException {
            super("report");
            ContentType type = new ContentType(contentType);
            type.setParameter("report-type", "delivery-status");
            contentType = type.toString();
        }
    }
}
