package io.loadwise.roster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which side an injury is on; {@code NONE} for injuries without one (e.g. the lower back). */
public enum InjurySide {
    LEFT,
    RIGHT,
    BOTH,
    NONE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static InjurySide parse(String value) {
        return Arrays.stream(values())
                .filter(v -> v.dbValue().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a side; use one of "
                        + Arrays.stream(values()).map(InjurySide::dbValue).collect(Collectors.joining(", ")) + "."));
    }
}
