package io.loadwise.billing.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A new promotion code: exactly one of {@code percentOff} and {@code amountOffMinor}. */
public record PromotionCodeDraft(
        String code,
        @Nullable Integer percentOff,
        @Nullable Long amountOffMinor,
        @Nullable Integer maxRedemptions,
        @Nullable Instant expiresAt) {}
