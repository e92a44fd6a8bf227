package io.loadwise.roster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Sensitive health data: recorded only while the client's consent for it is active. */
public enum MenopausalStatus {
    PREMENOPAUSAL,
    PERIMENOPAUSAL,
    POSTMENOPAUSAL;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static MenopausalStatus parse(String value) {
        return Arrays.stream(values())
                .filter(v -> v.dbValue().equals(value.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value
                        + "' is not a menopausal status; use one of "
                        + Arrays.stream(values()).map(MenopausalStatus::dbValue).collect(Collectors.joining(", "))
                        + "."));
    }
}
