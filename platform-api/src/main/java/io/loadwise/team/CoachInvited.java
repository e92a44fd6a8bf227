package io.loadwise.team;

import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The owner invited a coach (or a co-owner) to the business. Sent to Kafka keyed by tenant; the
 * notifications module mails them a link to set their password.
 */
@Externalized(CoachInvited.TOPIC + "::#{tenantId().toString()}")
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
        Instant occurredAt) {

    public static final String TOPIC = "loadwise.team.coach-invited";
}
