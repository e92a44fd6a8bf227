package io.loadwise.notifications.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventIntakeTests {

    @ParameterizedTest
    @ValueSource(strings = {"jess@example.com", "jess.moreno+stride@mail.example.co.uk", "o'neil@example.com"})
    void a_plain_address_is_well_formed(String email) {
        assertThat(EventIntake.wellFormed(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not an address",
                "jess",
                "jess@",
                "@example.com",
                "Jess <jess@example.com>",
                "a@example.com, b@example.com",
                "jess@example.com\r\nBcc: victim@example.com"
            })
    void anything_else_is_not(String email) {
        assertThat(EventIntake.wellFormed(email)).isFalse();
    }
}
