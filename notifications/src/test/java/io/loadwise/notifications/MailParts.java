package io.loadwise.notifications;

import io.loadwise.testsupport.TestInfrastructure;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** What a recipient of the test SMTP server got, decoded as they would read it. */
public final class MailParts {

    private MailParts() {}

    /** Every mail addressed to {@code recipient}, oldest first. */
    public static List<MimeMessage> mailTo(String recipient) {
        return TestInfrastructure.mail().received().stream()
                .filter(m -> recipients(m).contains(recipient))
                .toList();
    }

    /** The decoded plain-text part (quoted-printable undone). */
    public static String text(Part part) {
        return part(part, "text/plain");
    }

    /** The decoded HTML part. */
    public static String html(Part part) {
        return part(part, "text/html");
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), type);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
            return "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null
                    ? List.of()
                    : Arrays.stream(all).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
