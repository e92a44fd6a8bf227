package io.loadwise.onboarding;

/** An account link that can't be used (any more); {@link #reason()} says why, for a page that explains it. */
public class AccountLinkUnusableException extends RuntimeException {

    /** Why a link can't be used. */
    public enum Reason {
        /** Not a link we made, altered, or replaced by a newer one. */
        INVALID,
        EXPIRED,
        USED
    }

    private final Reason reason;

    public AccountLinkUnusableException(Reason reason) {
        super(
                switch (reason) {
                    case INVALID -> "This link is not valid. It may have been mistyped or replaced by a newer one.";
                    case EXPIRED -> "This link has expired.";
                    case USED -> "This link was already used.";
                });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
