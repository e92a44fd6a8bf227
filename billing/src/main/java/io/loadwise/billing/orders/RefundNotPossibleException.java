package io.loadwise.billing.orders;

/** The order cannot be refunded as asked (not paid, or nothing left to refund); the API answers 409. */
public class RefundNotPossibleException extends RuntimeException {

    public RefundNotPossibleException(String message) {
        super(message);
    }
}
