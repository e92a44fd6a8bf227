package io.loadwise.notifications.invites;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.events.EventPayloads;
import io.loadwise.events.ProcessedEvents;
import io.loadwise.events.UnprocessableEventException;
import io.loadwise.notifications.MailDelivery;
import io.loadwise.onboarding.AccountLinkPurpose;
import io.loadwise.onboarding.AccountLinks;
import io.loadwise.onboarding.TenantSignedUp;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Mails the owner of a business that just signed up the link that confirms their email, sets
 * their password and opens the business; once per {@link TenantSignedUp} event.
 */
@Component
@ConditionalOnWorkerRole
class TenantSignedUpMailer {

    static final String CONSUMER = "notifications.tenant-signed-up-mail";

    private static final Logger log = LoggerFactory.getLogger(TenantSignedUpMailer.class);

    private final EventPayloads payloads;
    private final ProcessedEvents processed;
    private final AccountLinks links;
    private final InviteMailRenderer renderer;
    private final MailDelivery sender;

    TenantSignedUpMailer(
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

    @KafkaListener(id = "tenant-signed-up-mailer", topics = TenantSignedUp.TOPIC, groupId = ClientInvitedMailer.GROUP)
    void on(ConsumerRecord<String, byte[]> record) {
        TenantSignedUp signup = payloads.read(record.value(), TenantSignedUp.class);
        if (Stream.of(signup.eventId(), signup.tenantId(), signup.ownerMemberId(), signup.ownerEmail())
                .anyMatch(Objects::isNull)) {
            throw new UnprocessableEventException("TenantSignedUp record lacks required fields: " + signup);
        }
        boolean sent = processed.runOnce(signup.tenantId(), signup.eventId(), CONSUMER, () -> {
            String token = links.issue(signup.ownerMemberId(), AccountLinkPurpose.VERIFY_EMAIL);
            sender.send(signup.ownerEmail(), renderer.render(signup, token), "Signup " + signup.eventId());
        });
        log.info(
                sent ? "Mailed signup confirmation {} of tenant {}" : "Signup {} of tenant {} was mailed before",
                signup.eventId(),
                signup.tenantId());
    }
}
