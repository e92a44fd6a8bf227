package io.loadwise.roster;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The orders the roster can be read in; each has its own keyset cursor. */
public enum RosterSort {
    NAME("name"),
    NAME_DESC("-name"),
    CREATED("created"),
    CREATED_DESC("-created"),
    /** By status (alphabetically: active, alumni, lead, paused), then by name. */
    STATUS("status");

    private final String parameter;

    RosterSort(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the API's {@code sort} parameter. */
    public String parameter() {
        return parameter;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static RosterSort parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.parameter.equals(value.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a roster sort; use one of "
                        + Arrays.stream(values()).map(RosterSort::parameter).collect(Collectors.joining(", "))
                        + "."));
    }
}
