package io.loadwise.tenancy;

/** An uploaded logo is not a PNG, JPEG or WebP image, or is too large. */
public class LogoRejectedException extends RuntimeException {

    private final boolean tooLarge;

    public LogoRejectedException(String message, boolean tooLarge) {
        super(message);
        this.tooLarge = tooLarge;
    }

    /** Too large (the API answers 413) rather than the wrong kind of file (400). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
