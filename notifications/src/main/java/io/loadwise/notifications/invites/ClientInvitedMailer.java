package io.loadwise.notifications.invites;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.events.EventPayloads;
import io.loadwise.events.ProcessedEvents;
import io.loadwise.events.UnprocessableEventException;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.roster.ClientInvited;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails the invite of every {@link ClientInvited} event, once.
 *
 * <p>The send happens inside {@link ProcessedEvents#runOnce}: if SMTP fails, the exception rolls
 * back the processed-event record and reaches the listener container, which retries with back-off
 * and finally dead-letters the record; a redelivered event that was mailed already sends nothing.
 */
@Component
@ConditionalOnWorkerRole
class ClientInvitedMailer {

    static final String CONSUMER = "notifications.client-invited-mail";
    static final String GROUP = "loadwise-notifications";

    private static final Logger log = LoggerFactory.getLogger(ClientInvitedMailer.class);

    private final EventPayloads payloads;
    private final ProcessedEvents processed;
    private final InviteMailRenderer renderer;
    private final JavaMailSender mail;
    private final NotificationsProperties properties;

    ClientInvitedMailer(
            EventPayloads payloads,
            ProcessedEvents processed,
            InviteMailRenderer renderer,
            JavaMailSender mail,
            NotificationsProperties properties) {
        this.payloads = payloads;
        this.processed = processed;
        this.renderer = renderer;
        this.mail = mail;
        this.properties = properties;
    }

    @KafkaListener(id = "client-invited-mailer", topics = ClientInvited.TOPIC, groupId = GROUP)
    void on(ConsumerRecord<String, byte[]> record) {
        ClientInvited invite = requireComplete(payloads.read(record.value(), ClientInvited.class));
        boolean sent = processed.runOnce(invite.tenantId(), invite.eventId(), CONSUMER, () -> send(invite));
        if (!sent) {
            log.info("Invite {} was mailed before; redelivery ignored", invite.eventId());
        }
    }

    private void send(ClientInvited invite) {
        InviteMail rendered = renderer.render(invite);
        MimeMessage message = mail.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(invite.email());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
        } catch (MessagingException e) {
            // Only the content can make this fail (an address that isn't one): no retry fixes it.
            throw new UnprocessableEventException(
                    "Invite " + invite.eventId() + " can't be mailed: " + e.getMessage(), e);
        }
        mail.send(message);
        log.info("Mailed invite {} of tenant {}", invite.eventId(), invite.tenantId());
    }

    private static ClientInvited requireComplete(ClientInvited invite) {
        // Jackson leaves missing properties null; without these no mail can ever be sent.
        boolean incomplete = Stream.of(
                        invite.eventId(),
                        invite.tenantId(),
                        invite.email(),
                        invite.displayName(),
                        invite.tenantName(),
                        invite.tenantSlug(),
                        invite.invitedBy())
                .anyMatch(Objects::isNull);
        if (incomplete) {
            throw new UnprocessableEventException("ClientInvited record lacks required fields: " + invite);
        }
        return invite;
    }
}
