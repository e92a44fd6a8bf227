package io.loadwise.billing.catalog;

import io.loadwise.catalog.OfferKind;
import org.jspecify.annotations.Nullable;

/** What a coach fills in for a product; the currency is always the business's. */
public record ProductDraft(
        OfferKind kind,
        String title,
        String summary,
        @Nullable String description,
        long priceMinor,
        @Nullable String billingInterval,
        @Nullable Integer trialDays,
        @Nullable Integer pageCount,
        boolean active,
        int position) {}
