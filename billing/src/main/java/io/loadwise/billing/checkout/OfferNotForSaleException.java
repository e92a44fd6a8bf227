package io.loadwise.billing.checkout;

/** The offer exists but cannot be bought now: archived, not yet priced in Stripe, or without its PDF. */
public class OfferNotForSaleException extends RuntimeException {

    public OfferNotForSaleException(String message) {
        super(message);
    }
}
