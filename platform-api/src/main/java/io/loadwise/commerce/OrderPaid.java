package io.loadwise.commerce;

import io.loadwise.catalog.OfferKind;
import io.loadwise.events.TenantEvent;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.Externalized;

/**
 * A one-time purchase or a subscription payment was paid and its entitlement granted.
 *
 * @param offerId the catalog offer bought; null when it was since deleted
 * @param guest true when the buyer had no account before this purchase (an invite went out)
 */
@Externalized(OrderPaid.TOPIC)
public record OrderPaid(
        UUID eventId,
        TenantId tenantId,
        UUID orderId,
        ClientId clientId,
        @Nullable UUID offerId,
        OfferKind kind,
        long amountTotalMinor,
        String currency,
        boolean guest,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.commerce.order-paid";
}
