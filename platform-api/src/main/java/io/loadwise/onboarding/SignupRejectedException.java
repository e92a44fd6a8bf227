package io.loadwise.onboarding;

/**
 * A signup can't go ahead; nothing was created. {@link #field()} names the form field to show the
 * message at; {@link #conflict()} is true when the data is fine but taken (the API answers 409,
 * else 400).
 */
public class SignupRejectedException extends RuntimeException {

    private final String field;
    private final boolean conflict;

    public SignupRejectedException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    /** businessName, slug, ownerName, ownerEmail, currency, timeZone or locale. */
    public String field() {
        return field;
    }

    public boolean conflict() {
        return conflict;
    }
}
