package io.loadwise.onboarding;

/** What following an account link does besides setting the password. */
public enum AccountLinkPurpose {
    /** A coach or client was invited to a business. */
    INVITE("invite"),
    /** The owner of a business that just signed up confirms their email; the business opens. */
    VERIFY_EMAIL("verify_email");

    private final String dbValue;

    AccountLinkPurpose(String dbValue) {
        this.dbValue = dbValue;
    }

    public String dbValue() {
        return dbValue;
    }

    public static AccountLinkPurpose fromDb(String value) {
        for (AccountLinkPurpose purpose : values()) {
            if (purpose.dbValue.equals(value)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("Unknown account link purpose " + value);
    }
}
