package io.loadwise.billing.orders;

/** Stripe refused or could not be reached for something we asked of it; the API answers 502. */
public class PaymentProviderException extends RuntimeException {

    public PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
