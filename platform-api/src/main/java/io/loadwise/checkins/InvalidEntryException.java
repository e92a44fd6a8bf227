package io.loadwise.checkins;

/**
 * A value of a session log or check-in is out of its range or missing. The API answers 400 with
 * the message; the UI shows it next to {@link #field()}.
 */
public class InvalidEntryException extends IllegalArgumentException {

    private final String field;

    public InvalidEntryException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field at fault, as named in the API, e.g. {@code painDuring}; empty for the entry as a whole. */
    public String field() {
        return field;
    }
}
