package io.loadwise.notifications.invites;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.events.EventPayloads;
import io.loadwise.events.ProcessedEvents;
import io.loadwise.events.UnprocessableEventException;
import io.loadwise.notifications.MailDelivery;
import io.loadwise.onboarding.AccountLinkPurpose;
import io.loadwise.onboarding.AccountLinks;
import io.loadwise.roster.ClientInvited;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mails the invite of every {@link ClientInvited} event, once, with a fresh link to set a password.
 *
 * <p>The link is issued and the mail sent inside {@link ProcessedEvents#runOnce}: if SMTP fails,
 * the exception rolls back the processed-event record and the link with it, and reaches the
 * listener container, which retries with back-off and finally dead-letters the record; a
 * redelivered event that was mailed already sends nothing. The link's secret exists only in the
 * mail: not in the event, the outbox or Kafka (ADR 0005).
 */
@Component
@ConditionalOnWorkerRole
class ClientInvitedMailer {

    static final String CONSUMER = "notifications.client-invited-mail";
    static final String GROUP = "loadwise-notifications";

    private static final Logger log = LoggerFactory.getLogger(ClientInvitedMailer.class);

    private final EventPayloads payloads;
    private final ProcessedEvents processed;
    private final AccountLinks links;
    private final InviteMailRenderer renderer;
    private final MailDelivery sender;

    ClientInvitedMailer(
            EventPayloads payloads,
            ProcessedEvents processed,
            AccountLinks links,
            InviteMailRenderer renderer,
            MailDelivery sender) {
        this.payloads = payloads;
        this.processed = processed;
        this.links = links;
        this.renderer = renderer;
        this.sender = sender;
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
        String token = links.issue(invite.memberId(), AccountLinkPurpose.INVITE);
        sender.send(invite.email(), renderer.render(invite, token), "Invite " + invite.eventId());
        log.info("Mailed invite {} of tenant {}", invite.eventId(), invite.tenantId());
    }

    private static ClientInvited requireComplete(ClientInvited invite) {
        // Jackson leaves missing properties null; without these no mail can ever be sent.
        boolean incomplete = Stream.of(
                        invite.eventId(),
                        invite.tenantId(),
                        invite.memberId(),
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
