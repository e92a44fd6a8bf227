package io.loadwise.billing.checkout;

/** The buyer's promotion code is not one of the business's active codes (or not for this price). */
public class UnknownPromotionCodeException extends RuntimeException {

    private final String code;

    public UnknownPromotionCodeException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
