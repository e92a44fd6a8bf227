package io.loadwise.roster;

import io.loadwise.events.TenantEvent;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A coach invited a client to their coaching business. Sent to Kafka keyed by tenant, so one
 * tenant's events stay in order; the notifications module mails the invite with a link, issued
 * for {@code memberId}, that lets the client set their password.
 */
@Externalized(ClientInvited.TOPIC)
public record ClientInvited(
        UUID eventId,
        TenantId tenantId,
        ClientId clientId,
        UUID memberId,
        String email,
        String displayName,
        String tenantName,
        String tenantSlug,
        String invitedBy,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.roster.client-invited";
}
