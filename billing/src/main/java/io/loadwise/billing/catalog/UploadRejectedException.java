package io.loadwise.billing.catalog;

/** An uploaded guide or cover that is not what it must be (413 when too large, else 415). Nothing is saved. */
public class UploadRejectedException extends RuntimeException {

    private final boolean tooLarge;

    public UploadRejectedException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
