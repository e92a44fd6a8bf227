package io.loadwise.billing.checkout;

/** Stripe did not open the checkout (unreachable, or it refused the request); nothing was charged. */
public class CheckoutUnavailableException extends RuntimeException {

    public CheckoutUnavailableException(Throwable cause) {
        super(
                "The payment page could not be opened right now. Nothing was charged; please try again in a"
                        + " moment.",
                cause);
    }
}
