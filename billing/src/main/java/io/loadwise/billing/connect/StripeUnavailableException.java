package io.loadwise.billing.connect;

/**
 * Stripe could not be reached or refused a call we had to make now (the API answers 503 and the
 * caller may try again). Saved data is untouched.
 */
public class StripeUnavailableException extends RuntimeException {

    public StripeUnavailableException(String what, Throwable cause) {
        super(
                what + ": Stripe did not answer as expected (" + cause.getMessage() + "). Nothing was lost; try again"
                        + " in a moment.",
                cause);
    }
}
