package io.loadwise.billing.catalog;

/** The business used this code before (codes stay unique, also after deactivation): 409. */
public class PromotionCodeTakenException extends RuntimeException {

    public PromotionCodeTakenException(String code) {
        super("The code " + code + " was used before by this business; choose another.");
    }
}
