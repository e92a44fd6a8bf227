package io.loadwise.billing.delivery;

/** The guide's purchase was refunded or lost in a dispute: it can no longer be downloaded. */
public class GuideAccessEndedException extends RuntimeException {

    public GuideAccessEndedException(String guideTitle) {
        super("Access to " + guideTitle + " ended because its purchase was refunded or disputed.");
    }
}
