package io.loadwise.local;

import io.loadwise.testsupport.MailServer;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs every mail the local SMTP server receives, with its first link, so nobody needs a mail client. */
final class MailLog {

    private static final Logger log = LoggerFactory.getLogger("loadwise.mail");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private MailLog() {}

    static void follow(MailServer mail) {
        Thread follower = new Thread(
                () -> {
                    int seen = 0;
                    while (!Thread.currentThread().isInterrupted()) {
                        MimeMessage[] messages = mail.greenMail().getReceivedMessages();
                        for (int i = seen; i < messages.length; i++) {
                            describe(messages[i]);
                        }
                        seen = messages.length;
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "loadwise-mail-log");
        follower.setDaemon(true);
        follower.start();
    }

    private static void describe(MimeMessage message) {
        try {
            String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            Matcher link = LINK.matcher(text(message));
            log.info("Mail to {}: \"{}\"{}", to, message.getSubject(), link.find() ? " -> " + link.group() : "");
        } catch (Exception e) {
            log.info("Mail received (could not be read: {})", e.getMessage());
        }
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return "";
    }
}
