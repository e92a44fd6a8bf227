package io.loadwise.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void ids_are_version_7_and_ordered_by_creation_time() {
        UUID earlier = Ids.newId(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        UUID later = Ids.newId(Clock.fixed(Instant.parse("2026-11-23T10:00:01Z"), ZoneOffset.UTC));

        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    void ids_created_in_the_same_millisecond_differ() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

        assertThat(Ids.newId(clock)).isNotEqualTo(Ids.newId(clock));
    }
}
