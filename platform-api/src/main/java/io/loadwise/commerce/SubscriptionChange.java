package io.loadwise.commerce;

import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;

/**
 * What the three coaching subscription events share (started, past due, canceled), so that a
 * consumer that treats them alike reads them through one path.
 */
public sealed interface SubscriptionChange permits SubscriptionStarted, SubscriptionPastDue, SubscriptionCanceled {

    UUID eventId();

    TenantId tenantId();

    UUID subscriptionId();

    ClientId clientId();

    Instant occurredAt();
}
