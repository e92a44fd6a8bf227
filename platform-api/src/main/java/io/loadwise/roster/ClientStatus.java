package io.loadwise.roster;

import java.util.Locale;

/** Where a client stands with the coaching business. */
public enum ClientStatus {
    LEAD,
    ACTIVE,
    PAUSED,
    ALUMNI;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClientStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
