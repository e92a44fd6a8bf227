package io.loadwise.shared;

import java.util.Arrays;
import java.util.Locale;

/**
 * The lower-case codes enums travel as in JSON, the API and the database ({@code CROSS_TRAINING}
 * is {@code cross_training}), and the one clear error for a code that names nothing.
 */
public final class Codes {

    private Codes() {}

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param what how a user would name the kind of value, e.g. "session kind"
     * @throws IllegalArgumentException naming the allowed codes
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String code, String what) {
        E[] values = type.getEnumConstants();
        return Arrays.stream(values)
                .filter(value -> of(value).equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + code + "' is not a " + what + "; use one of "
                        + Arrays.stream(values).map(Codes::of).toList() + "."));
    }
}
