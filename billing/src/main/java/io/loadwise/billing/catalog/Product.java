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
 * @param synced whether Stripe has this version of the product (false: "saved, not yet synced" —
 *     a later save or sync retries)
 * @param syncError why the last sync failed, if it did (none while the business has no Stripe
 *     account yet)
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
        @Nullable Instant syncedAt,
        boolean synced,
        @Nullable String syncError) {}
