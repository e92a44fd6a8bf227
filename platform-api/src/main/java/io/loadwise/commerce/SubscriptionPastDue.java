package io.loadwise.commerce;

import io.loadwise.events.TenantEvent;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** A renewal payment failed; Stripe retries it. Access continues until Stripe ends the subscription. */
@Externalized(SubscriptionPastDue.TOPIC)
public record SubscriptionPastDue(
        UUID eventId,
        TenantId tenantId,
        UUID subscriptionId,
        String stripeSubscriptionId,
        ClientId clientId,
        Instant occurredAt)
        implements TenantEvent, SubscriptionChange {

    public static final String TOPIC = "loadwise.commerce.subscription-past-due";
}
