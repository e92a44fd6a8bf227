package io.loadwise.billing.catalog;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A code buyers type at checkout: a percentage or an amount off, optionally limited.
 *
 * @param synced whether the coupon and promotion code exist on the Stripe account (only then can
 *     buyers use it)
 * @param syncError why creating it on Stripe failed, if it did
 */
public record PromotionCode(
        UUID id,
        String code,
        @Nullable Integer percentOff,
        @Nullable Long amountOffMinor,
        @Nullable String currency,
        @Nullable Integer maxRedemptions,
        @Nullable Instant expiresAt,
        boolean active,
        boolean synced,
        @Nullable String syncError) {}
