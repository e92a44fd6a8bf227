package io.loadwise.notifications.events.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.notifications.NotificationType;
import io.loadwise.onboarding.TenantSignedUp;
import io.loadwise.roster.ClientInvited;
import io.loadwise.team.CoachInvited;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The mails that open an account: a client's invite, a coach's invite, the signup's email
 * confirmation. The set-password link is not in the request: {@link AccountSecretLinks} issues it
 * when the mail is rendered, so its secret exists only in the mail (ADR 0005).
 */
@Component
@ConditionalOnWorkerRole
class AccountEventListener {

    private final EventIntake intake;

    AccountEventListener(EventIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(
            id = "notifications-accounts",
            topics = {ClientInvited.TOPIC, CoachInvited.TOPIC, TenantSignedUp.TOPIC},
            groupId = Listeners.GROUP,
            concurrency = Listeners.CONCURRENCY,
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        intake.handleBatch(records, record -> switch (record.topic()) {
            case ClientInvited.TOPIC -> clientInvited(record);
            case CoachInvited.TOPIC -> coachInvited(record);
            default -> signedUp(record);
        });
    }

    private Optional<EventIntake.Job> clientInvited(ConsumerRecord<String, byte[]> record) {
        ClientInvited e = intake.read(record, ClientInvited.class, i -> new Object[] {
            i.eventId(), i.tenantId(), i.memberId(), i.email(), i.displayName(), i.invitedBy(), i.occurredAt()
        });
        return Optional.of(new EventIntake.Job(
                e.tenantId(), () -> intake.recipient(e.email(), e.displayName(), e.memberId(), record.topic())
                        .ifPresent(to -> intake.notify(
                                e.eventId(),
                                e.tenantId(),
                                NotificationType.CLIENT_INVITE,
                                to,
                                Map.of(
                                        "invitedBy", e.invitedBy(),
                                        "memberId", e.memberId().toString(),
                                        "clientId", String.valueOf(e.clientId())),
                                null,
                                e.occurredAt()))));
    }

    private Optional<EventIntake.Job> coachInvited(ConsumerRecord<String, byte[]> record) {
        CoachInvited e = intake.read(record, CoachInvited.class, i -> new Object[] {
            i.eventId(), i.tenantId(), i.memberId(), i.email(), i.displayName(), i.role(), i.invitedBy(), i.occurredAt()
        });
        return Optional.of(new EventIntake.Job(
                e.tenantId(), () -> intake.recipient(e.email(), e.displayName(), e.memberId(), record.topic())
                        .ifPresent(to -> intake.notify(
                                e.eventId(),
                                e.tenantId(),
                                NotificationType.COACH_INVITE,
                                to,
                                Map.of(
                                        "invitedBy",
                                        e.invitedBy(),
                                        "memberId",
                                        e.memberId().toString(),
                                        "role",
                                        e.role()),
                                null,
                                e.occurredAt()))));
    }

    private Optional<EventIntake.Job> signedUp(ConsumerRecord<String, byte[]> record) {
        TenantSignedUp e = intake.read(record, TenantSignedUp.class, s ->
                new Object[] {s.eventId(), s.tenantId(), s.ownerMemberId(), s.ownerEmail(), s.occurredAt()});
        return Optional.of(new EventIntake.Job(
                e.tenantId(), () -> intake.recipient(e.ownerEmail(), e.ownerName(), e.ownerMemberId(), record.topic())
                        .ifPresent(to -> intake.notify(
                                e.eventId(),
                                e.tenantId(),
                                NotificationType.SIGNUP_CONFIRMATION,
                                to,
                                Map.of("memberId", e.ownerMemberId().toString()),
                                null,
                                e.occurredAt()))));
    }
}
