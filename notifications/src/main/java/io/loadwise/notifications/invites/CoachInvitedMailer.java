package io.loadwise.notifications.invites;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.events.EventPayloads;
import io.loadwise.events.ProcessedEvents;
import io.loadwise.events.UnprocessableEventException;
import io.loadwise.notifications.MailDelivery;
import io.loadwise.onboarding.AccountLinkPurpose;
import io.loadwise.onboarding.AccountLinks;
import io.loadwise.team.CoachInvited;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Mails an invited coach their set-password link, once per {@link CoachInvited} event (as {@link ClientInvitedMailer}). */
@Component
@ConditionalOnWorkerRole
class CoachInvitedMailer {

    static final String CONSUMER = "notifications.coach-invited-mail";

    private static final Logger log = LoggerFactory.getLogger(CoachInvitedMailer.class);

    private final EventPayloads payloads;
    private final ProcessedEvents processed;
    private final AccountLinks links;
    private final InviteMailRenderer renderer;
    private final MailDelivery sender;

    CoachInvitedMailer(
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

    @KafkaListener(id = "coach-invited-mailer", topics = CoachInvited.TOPIC, groupId = ClientInvitedMailer.GROUP)
    void on(ConsumerRecord<String, byte[]> record) {
        CoachInvited invite = payloads.read(record.value(), CoachInvited.class);
        if (Stream.of(invite.eventId(), invite.tenantId(), invite.memberId(), invite.email(), invite.displayName())
                .anyMatch(Objects::isNull)) {
            throw new UnprocessableEventException("CoachInvited record lacks required fields: " + invite);
        }
        boolean sent = processed.runOnce(invite.tenantId(), invite.eventId(), CONSUMER, () -> {
            String token = links.issue(invite.memberId(), AccountLinkPurpose.INVITE);
            sender.send(invite.email(), renderer.render(invite, token), "Coach invite " + invite.eventId());
        });
        log.info(
                sent ? "Mailed coach invite {} of tenant {}" : "Coach invite {} of tenant {} was mailed before",
                invite.eventId(),
                invite.tenantId());
    }
}
