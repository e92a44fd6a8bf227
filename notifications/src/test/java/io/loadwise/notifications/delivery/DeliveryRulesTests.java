package io.loadwise.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.notifications.preferences.RecipientSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Back-off, quiet hours and digest timing, without infrastructure. */
class DeliveryRulesTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void back_off_doubles_from_the_base_up_to_the_cap() {
        var properties = new DeliveryProperties(
                6, Duration.ofSeconds(30), Duration.ofHours(1), 100, Duration.ofSeconds(2), Duration.ofMinutes(5), 2);

        assertThat(properties.backoff(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(properties.backoff(7)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.backoff(60)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void quiet_hours_past_midnight_hold_mail_until_they_end_in_the_recipients_zone() {
        var settings = quiet(LocalTime.of(22, 0), LocalTime.of(7, 0));

        // 23:30 in Berlin (winter, UTC+1): held until 07:00 next morning
        assertThat(settings.quietUntil(Instant.parse("2026-11-27T22:30:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
        // 05:00 in Berlin: until 07:00 the same day
        assertThat(settings.quietUntil(Instant.parse("2026-11-28T04:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-11-28T06:00:00Z"));
        // 12:00: not quiet
        assertThat(settings.quietUntil(Instant.parse("2026-11-28T11:00:00Z"), BERLIN))
                .isNull();
        assertThat(RecipientSettings.defaults("a@b.test").quietUntil(Instant.now(), BERLIN))
                .isNull();
    }

    @Test
    void quiet_hours_within_a_day() {
        var settings = quiet(LocalTime.of(12, 0), LocalTime.of(14, 0));

        assertThat(settings.quietUntil(Instant.parse("2026-11-28T12:30:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
        assertThat(settings.quietUntil(Instant.parse("2026-11-28T13:00:00Z"), BERLIN))
                .isNull();
    }

    @Test
    void the_digest_is_due_once_per_local_day_after_its_time() {
        var fresh = new RecipientSettings("c@b.test", null, null, null, null, true, LocalTime.of(7, 0), null);
        Instant morning = Instant.parse("2026-11-28T06:30:00Z"); // 07:30 in Berlin
        assertThat(fresh.digestDue(morning, BERLIN)).isTrue();

        var sentToday = new RecipientSettings(
                "c@b.test", null, null, null, null, true, LocalTime.of(7, 0), Instant.parse("2026-11-28T06:05:00Z"));
        assertThat(sentToday.digestDue(morning, BERLIN)).isFalse();
        assertThat(sentToday.digestDue(Instant.parse("2026-11-29T06:01:00Z"), BERLIN))
                .isTrue();
    }

    private static RecipientSettings quiet(LocalTime start, LocalTime end) {
        return new RecipientSettings("q@b.test", null, null, start, end, false, LocalTime.of(7, 0), null);
    }
}
