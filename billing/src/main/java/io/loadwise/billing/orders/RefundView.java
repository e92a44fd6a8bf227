package io.loadwise.billing.orders;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A refund asked of Stripe, with the status Stripe last reported. */
public record RefundView(
        UUID id,
        UUID orderId,
        long amountMinor,
        String currency,
        @Nullable String reason,
        String status,
        Instant createdAt) {}
