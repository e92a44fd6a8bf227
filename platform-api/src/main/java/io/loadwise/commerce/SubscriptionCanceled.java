package io.loadwise.commerce;

import io.loadwise.events.TenantEvent;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** Stripe ended a coaching subscription: coaching access ended with it. */
@Externalized(SubscriptionCanceled.TOPIC)
public record SubscriptionCanceled(
        UUID eventId,
        TenantId tenantId,
        UUID subscriptionId,
        String stripeSubscriptionId,
        ClientId clientId,
        Instant occurredAt)
        implements TenantEvent, SubscriptionChange {

    public static final String TOPIC = "loadwise.commerce.subscription-canceled";
}
