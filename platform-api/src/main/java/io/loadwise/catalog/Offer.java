package io.loadwise.catalog;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something a coaching business sells, priced in minor units of its currency.
 *
 * @param billingInterval {@code month} or {@code quarter} for coaching packages, else null
 */
public record Offer(
        UUID id,
        OfferKind kind,
        String title,
        String summary,
        long priceMinor,
        String currency,
        @Nullable String billingInterval) {}
