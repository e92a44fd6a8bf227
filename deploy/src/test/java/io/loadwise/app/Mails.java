package io.loadwise.app;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads mails as their recipients do: decoded text, and the account link in it. */
public final class Mails {

    private static final Pattern ACCOUNT_LINK = Pattern.compile("/welcome/([A-Za-z0-9_-]+)");

    private Mails() {}

    /** The decoded plain-text part (transfer encodings such as quoted-printable undone). */
    public static String text(MimeMessage message) {
        try {
            String text = text((Part) message);
            if (text == null) {
                throw new IllegalStateException("The mail has no text part");
            }
            return text;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the mail carries a set-password link. */
    public static boolean hasAccountLink(MimeMessage message) {
        return ACCOUNT_LINK.matcher(text(message)).find();
    }

    /** The token of the set-password link the mail carries. */
    public static String accountLinkToken(MimeMessage message) {
        Matcher matcher = ACCOUNT_LINK.matcher(text(message));
        if (!matcher.find()) {
            throw new IllegalStateException("No account link in the mail");
        }
        return matcher.group(1);
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = text(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
