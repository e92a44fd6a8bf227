package io.loadwise.roster.imports;

import java.util.Locale;

/** Where an import stands: validated, then importing when confirmed, then imported; or discarded. */
public enum ImportStatus {
    VALIDATED,
    IMPORTING,
    IMPORTED,
    DISCARDED,
    FAILED;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
