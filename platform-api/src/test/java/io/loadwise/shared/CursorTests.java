package io.loadwise.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void a_cursor_round_trips_any_text_including_separators_and_unicode() {
        Cursor cursor = Cursor.of("Zoë O'Brien, \"the fast one\" / ß", "0190a3c4-0000-7000-8000-000000000001");

        Cursor decoded = Cursor.decode(cursor.encode(), 2);

        assertThat(decoded).isEqualTo(cursor);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void garbage_or_a_cursor_of_the_wrong_shape_is_rejected_with_a_helpful_message() {
        assertThatThrownBy(() -> Cursor.decode("not base64 !!", 2))
                .isInstanceOf(Cursor.InvalidCursorException.class)
                .hasMessageContaining("nextCursor");
        assertThatThrownBy(() -> Cursor.decode(Cursor.of("only-one").encode(), 2))
                .isInstanceOf(Cursor.InvalidCursorException.class);
    }
}
