package io.loadwise.onboarding;

import io.loadwise.events.TenantEvent;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A coaching business signed up and waits for its owner to confirm their email. Sent to Kafka keyed
 * by tenant; the notifications module mails the owner a link to confirm and choose a password.
 */
@Externalized(TenantSignedUp.TOPIC)
public record TenantSignedUp(
        UUID eventId,
        TenantId tenantId,
        UUID ownerMemberId,
        String ownerEmail,
        String ownerName,
        String tenantName,
        String tenantSlug,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.onboarding.tenant-signed-up";
}
