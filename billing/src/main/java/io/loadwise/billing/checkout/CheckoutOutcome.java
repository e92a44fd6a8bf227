package io.loadwise.billing.checkout;

import io.loadwise.catalog.OfferKind;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the success page shows while it waits for the webhook that fulfils the order.
 *
 * @param downloadUrl a fresh signed link, once a guide order is fulfilled
 * @param buyerEmail where the account invite went, for a guest buyer
 */
public record CheckoutOutcome(
        State state,
        UUID orderId,
        String offerTitle,
        OfferKind kind,
        @Nullable URI downloadUrl,
        @Nullable String buyerEmail,
        boolean guest) {

    public enum State {
        /** Paid or paying, not yet fulfilled (the webhook has not been processed). */
        WAITING,
        FULFILLED,
        FAILED,
        EXPIRED,
        /** Paid, but held for review (e.g. the amount did not match the catalog). */
        REVIEW
    }
}
