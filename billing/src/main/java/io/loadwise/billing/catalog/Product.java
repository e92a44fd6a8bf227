package io.loadwise.billing.catalog;

import io.loadwise.catalog.OfferKind;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A catalog entry as its coach edits it.
 *
 * @param billingInterval {@code month} or {@code quarter} for coaching, else null
 * @param stripePriceId the price on the connected account once synced; null before
 * @param syncedAt when the product and price were last written to Stripe
 */
public record Product(
        UUID id,
        int version,
        OfferKind kind,
        String title,
        String summary,
        @Nullable String description,
        long priceMinor,
        String currency,
        @Nullable String billingInterval,
        @Nullable Integer trialDays,
        @Nullable Integer pageCount,
        boolean active,
        int position,
        boolean hasGuideFile,
        boolean hasCover,
        @Nullable String stripePriceId,
        @Nullable Instant syncedAt) {}
