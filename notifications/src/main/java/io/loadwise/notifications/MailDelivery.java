package io.loadwise.notifications;

import io.loadwise.events.UnprocessableEventException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Sends a rendered mail (plain text and HTML) to one address. */
@Component
public class MailDelivery {

    private final JavaMailSender mail;
    private final NotificationsProperties properties;

    MailDelivery(JavaMailSender mail, NotificationsProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /**
     * @param event what the mail is about, for the error when the address is unusable
     * @throws io.loadwise.events.UnprocessableEventException when the address is no address: no retry helps
     */
    public void send(String to, Mail rendered, Object event) {
        MimeMessage message = mail.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(to);
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
        } catch (MessagingException e) {
            // Only the content can make this fail (an address that isn't one): no retry fixes it.
            throw new UnprocessableEventException(event + " can't be mailed: " + e.getMessage(), e);
        }
        mail.send(message);
    }
}
