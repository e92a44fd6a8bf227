package io.loadwise.billing.orders;

import io.loadwise.catalog.OfferKind;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Something a client bought, as her portal lists it. */
public record Purchase(
        UUID entitlementId,
        EntitlementKind kind,
        OfferKind offerKind,
        String title,
        EntitlementStatus status,
        Instant grantedAt,
        @Nullable UUID orderId,
        @Nullable UUID subscriptionId,
        @Nullable SubscriptionStatus subscriptionStatus,
        @Nullable Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        int downloadCount) {}
