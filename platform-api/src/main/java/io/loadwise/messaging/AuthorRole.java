package io.loadwise.messaging;

import java.util.Locale;

/** The part the author of a message plays in the business (the members table's role). */
public enum AuthorRole {
    OWNER,
    COACH,
    CLIENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuthorRole fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean isCoach() {
        return this != CLIENT;
    }
}
