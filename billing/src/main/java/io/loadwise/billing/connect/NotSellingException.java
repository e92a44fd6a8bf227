package io.loadwise.billing.connect;

/** The business cannot take payments yet: its Stripe account is missing or charges are disabled. */
public class NotSellingException extends RuntimeException {

    public NotSellingException(String businessName) {
        super(businessName + " cannot take payments yet: its Stripe account is not ready.");
    }
}
