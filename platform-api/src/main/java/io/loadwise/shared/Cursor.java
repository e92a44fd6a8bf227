package io.loadwise.shared;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An opaque keyset-pagination cursor: the sort key values of the last row of a page.
 *
 * <p>Clients treat it as an opaque string; it is URL-safe base64 of the values joined by a unit
 * separator, so any text value round-trips.
 */
public record Cursor(List<String> values) {

    private static final String SEPARATOR = "\u001f";

    public Cursor {
        values = List.copyOf(values);
    }

    public static Cursor of(String... values) {
        return new Cursor(List.of(values));
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor produced by {@link #encode()}.
     *
     * @throws InvalidCursorException if the text is not such a cursor or has the wrong arity
     */
    public static Cursor decode(String text, int expectedValues) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            List<String> values = List.of(decoded.split(Pattern.quote(SEPARATOR), -1));
            if (values.size() != expectedValues) {
                throw new InvalidCursorException(text);
            }
            return new Cursor(values);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(text);
        }
    }

    /**
     * Decodes the cursor of a list ordered by time and id (a timestamp with offset, then a UUID), as
     * the message thread and the inbox are, checking both values parse.
     *
     * @return empty for no cursor (the first page)
     * @throws InvalidCursorException if the text is not such a cursor
     */
    public static Optional<Cursor> decodeTimeAndId(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Cursor cursor = decode(text, 2);
        try {
            OffsetDateTime.parse(cursor.values().get(0));
            UUID.fromString(cursor.values().get(1));
        } catch (RuntimeException e) {
            throw new InvalidCursorException(text);
        }
        return Optional.of(cursor);
    }

    /** The cursor text a client sent is not one this API produced. */
    public static final class InvalidCursorException extends RuntimeException {
        public InvalidCursorException(String cursor) {
            super("The cursor '" + cursor + "' is not valid; use the nextCursor value of a previous page.");
        }
    }
}
