package io.loadwise.billing.catalog;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A code buyers type at checkout: a percentage or an amount off, optionally limited. */
public record PromotionCode(
        UUID id,
        String code,
        @Nullable Integer percentOff,
        @Nullable Long amountOffMinor,
        @Nullable String currency,
        @Nullable Integer maxRedemptions,
        @Nullable Instant expiresAt,
        boolean active) {}
