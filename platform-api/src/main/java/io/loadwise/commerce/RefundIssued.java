package io.loadwise.commerce;

import io.loadwise.events.TenantEvent;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * Stripe refunded (part of) an order. A full refund revokes what the order granted.
 *
 * @param full true when the order is now refunded in full
 */
@Externalized(RefundIssued.TOPIC)
public record RefundIssued(
        UUID eventId,
        TenantId tenantId,
        UUID orderId,
        ClientId clientId,
        long amountMinor,
        String currency,
        boolean full,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.commerce.refund-issued";
}
