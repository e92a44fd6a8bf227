package io.loadwise.catalog;

import java.util.Locale;

public enum OfferKind {
    GUIDE,
    CUSTOM_PLAN,
    COACHING;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OfferKind fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
