package io.loadwise.roster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A runner's age group as races score it: junior, open, or a masters decade. */
public enum AgeGroup {
    JUNIOR,
    OPEN,
    MASTERS_40,
    MASTERS_50,
    MASTERS_60,
    MASTERS_70;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values, for a 400 that helps */
    public static AgeGroup parse(String value) {
        return Arrays.stream(values())
                .filter(v -> v.dbValue().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not an age group; use one of "
                        + Arrays.stream(values()).map(AgeGroup::dbValue).collect(Collectors.joining(", ")) + "."));
    }
}
