package io.loadwise.plans.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IcsWriterTests {

    @Test
    void text_values_escape_backslash_semicolon_comma_and_line_breaks() {
        assertThat(IcsWriter.text("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assertThat(IcsWriter.text("tab\tstays, bell\u0007 goes")).isEqualTo("tab\tstays\\, bell goes");
    }

    @Test
    void short_lines_are_not_folded() {
        String line = "SUMMARY:" + "x".repeat(67);
        assertThat(line.getBytes(StandardCharsets.UTF_8)).hasSize(75);
        assertThat(IcsWriter.fold(line)).isEqualTo(line);
    }

    @Test
    void long_lines_fold_at_75_octets_with_a_leading_space_on_continuations() {
        String line = "DESCRIPTION:" + "a".repeat(200);
        String folded = IcsWriter.fold(line);
        String[] parts = folded.split("\r\n");
        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(parts[0].getBytes(StandardCharsets.UTF_8)).hasSize(75);
        for (int i = 1; i < parts.length; i++) {
            assertThat(parts[i]).startsWith(" ");
            assertThat(parts[i].getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(unfold(folded)).isEqualTo(line);
    }

    @Test
    void folding_never_splits_a_multi_byte_character() {
        // "é" is 2 octets, "💪" 4 (a surrogate pair in Java): no fold may land inside either.
        String line = "SUMMARY:" + "é".repeat(40) + "💪".repeat(30) + "Kraft übungen";
        String folded = IcsWriter.fold(line);
        for (String part : folded.split("\r\n")) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).isLessThanOrEqualTo(75);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(part);
            assertThat(part).doesNotContain("\uFFFD");
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1)))
                    .isFalse();
        }
        assertThat(unfold(folded)).isEqualTo(line);
    }

    @Test
    void a_calendar_has_crlf_line_ends_all_day_events_and_cancelled_status() {
        String ics = IcsWriter.calendar(
                "Hamstring return, week 1",
                List.of(
                        new IcsEvent("s1@loadwise", LocalDate.of(2026, 3, 2), 0, "Easy run 20 min", "RPE 3-4", false),
                        new IcsEvent(
                                "s2@loadwise",
                                LocalDate.of(2026, 3, 3),
                                4,
                                "Intervals",
                                "Changed: pain 6, swapped",
                                true)),
                Instant.parse("2026-03-01T08:30:00Z"));
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(ics)
                .contains("X-WR-CALNAME:Hamstring return\\, week 1\r\n")
                .contains("DTSTART;VALUE=DATE:20260302\r\n")
                .contains("DTEND;VALUE=DATE:20260303\r\n")
                .contains("DTSTAMP:20260301T083000Z\r\n")
                .contains("UID:s2@loadwise\r\nDTSTAMP")
                .contains("SEQUENCE:4\r\n")
                .contains("DESCRIPTION:Changed: pain 6\\, swapped\r\nSTATUS:CANCELLED\r\n")
                .contains("SUMMARY:Easy run 20 min\r\nDESCRIPTION:RPE 3-4\r\nSTATUS:CONFIRMED\r\n");
        assertThat(Arrays.stream(ics.split("\r\n")).filter(l -> l.equals("BEGIN:VEVENT")))
                .hasSize(2);
    }

    static String unfold(String text) {
        return text.replace("\r\n ", "");
    }
}
