package io.loadwise.commerce;

import io.loadwise.events.TenantEvent;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.Externalized;

/** A buyer disputed a charge with their bank. The coach has to respond in Stripe. */
@Externalized(DisputeOpened.TOPIC)
public record DisputeOpened(
        UUID eventId,
        TenantId tenantId,
        UUID disputeId,
        @Nullable UUID orderId,
        long amountMinor,
        String currency,
        String reason,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.commerce.dispute-opened";
}
