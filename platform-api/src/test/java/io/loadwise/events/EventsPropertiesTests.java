package io.loadwise.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventsPropertiesTests {

    @Test
    void an_outbox_retention_under_an_hour_is_refused_with_the_setting_named() {
        assertThatThrownBy(() -> new EventsProperties.Outbox(Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loadwise.events.outbox.retention");
        assertThat(new EventsProperties.Outbox(Duration.ofDays(7)).retention()).isEqualTo(Duration.ofDays(7));
    }
}
