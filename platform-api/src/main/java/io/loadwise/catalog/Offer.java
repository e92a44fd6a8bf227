package io.loadwise.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something a coaching business sells, priced in minor units of its currency, as a storefront
 * shows it.
 *
 * @param billingInterval {@code month} or {@code quarter} for coaching packages, else null
 * @param description the longer text under the summary, if any
 * @param pageCount a guide's page count, if known
 * @param trialDays a coaching package's free trial, if any
 * @param hasCover whether a cover image was uploaded
 */
public record Offer(
        UUID id,
        OfferKind kind,
        String title,
        String summary,
        long priceMinor,
        String currency,
        @Nullable String billingInterval,
        @Nullable String description,
        @Nullable Integer pageCount,
        @Nullable Integer trialDays,
        boolean hasCover) {}
