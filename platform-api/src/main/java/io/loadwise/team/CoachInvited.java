package io.loadwise.team;

import io.loadwise.events.TenantEvent;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The owner invited a coach (or a co-owner) to the business. Sent to Kafka keyed by tenant; the
 * notifications module mails them a link to set their password.
 */
@Externalized(CoachInvited.TOPIC)
public record CoachInvited(
        UUID eventId,
        TenantId tenantId,
        UUID memberId,
        String email,
        String displayName,
        String role,
        String tenantName,
        String tenantSlug,
        String invitedBy,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.team.coach-invited";
}
