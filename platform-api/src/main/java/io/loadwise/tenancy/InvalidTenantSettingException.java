package io.loadwise.tenancy;

/**
 * One field of a business's settings is not acceptable; {@link #field()} names it for an inline
 * message. The API answers 400.
 */
public class InvalidTenantSettingException extends IllegalArgumentException {

    private final String field;

    public InvalidTenantSettingException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field: name, slug, brandColor, currency, timeZone or locale. */
    public String field() {
        return field;
    }
}
