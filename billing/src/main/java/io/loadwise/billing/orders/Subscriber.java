package io.loadwise.billing.orders;

import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A client on a coaching package. */
public record Subscriber(
        UUID subscriptionId,
        ClientId clientId,
        String clientName,
        String clientEmail,
        String offerTitle,
        SubscriptionStatus status,
        long amountMinor,
        String currency,
        String billingInterval,
        @Nullable Instant currentPeriodEnd,
        @Nullable Instant trialEnd,
        boolean cancelAtPeriodEnd,
        Instant startedAt) {}
