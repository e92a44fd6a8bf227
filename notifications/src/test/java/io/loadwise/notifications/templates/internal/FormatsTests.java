package io.loadwise.notifications.templates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Amounts and dates as an English or a German reader expects them, in their own time zone. */
class FormatsTests {

    static final String NBSP = "\u00a0";
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    final Formats english = Formats.of(Locale.ENGLISH, BERLIN);
    final Formats german = Formats.of(Locale.GERMAN, BERLIN);

    @Test
    void minor_units_become_money_with_the_currencys_own_decimals() {
        assertThat(english.money(1900, "EUR")).isEqualTo("€19.00");
        assertThat(german.money(1900, "EUR")).isEqualTo("19,00" + NBSP + "€");
        assertThat(english.money("123456", "usd")).isEqualTo("$1,234.56");
        assertThat(german.money(123456L, "USD")).isEqualTo("1.234,56" + NBSP + "$");
        assertThat(english.money(1900, "JPY")).isEqualTo("¥1,900");
        assertThat(german.money(5, "EUR")).isEqualTo("0,05" + NBSP + "€");
    }

    @Test
    void instants_read_in_the_recipients_zone() {
        String lateEvening = "2026-11-27T23:30:00Z";

        assertThat(german.dateTime(lateEvening)).isEqualTo("28. November 2026, 00:30");
        assertThat(english.date(lateEvening)).isEqualTo("November 28, 2026");
        assertThat(Formats.of(Locale.ENGLISH, NEW_YORK).date(lateEvening)).isEqualTo("November 27, 2026");
        assertThat(german.time("2026-11-27T08:15:00+00:00")).isEqualTo("09:15");
    }

    @Test
    void plain_dates_stay_on_their_day() {
        assertThat(english.date("2026-11-23")).isEqualTo("November 23, 2026");
        assertThat(german.date("2026-11-23")).isEqualTo("23. November 2026");
    }

    @Test
    void whole_numbers_group_like_the_language() {
        assertThat(english.number(1200)).isEqualTo("1,200");
        assertThat(german.number("1200")).isEqualTo("1.200");
    }
}
