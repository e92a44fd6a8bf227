package io.loadwise.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckInRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void a_pain_score_outside_0_to_10_names_the_field_and_the_range() {
        assertThatThrownBy(() -> CheckInRules.checkIn(entry(11, null, null)))
                .isInstanceOfSatisfying(
                        InvalidEntryException.class, e -> assertThat(e.field()).isEqualTo("painDuring"))
                .hasMessage("Pain during activity must be between 0 and 10 (was 11).");
        assertThatThrownBy(() -> CheckInRules.checkIn(entry(null, -1, null)))
                .isInstanceOfSatisfying(
                        InvalidEntryException.class, e -> assertThat(e.field()).isEqualTo("morningPain"))
                .hasMessageContaining("between 0 and 10");
    }

    @Test
    void sleep_is_in_half_hours_up_to_a_day() {
        assertThat(CheckInRules.checkIn(entry(null, null, new BigDecimal("7.5")))
                        .sleepHours())
                .isEqualByComparingTo("7.5");
        assertThatThrownBy(() -> CheckInRules.checkIn(entry(null, null, new BigDecimal("7.25"))))
                .isInstanceOf(InvalidEntryException.class);
        assertThatThrownBy(() -> CheckInRules.checkIn(entry(null, null, new BigDecimal("24.5"))))
                .hasMessage("Sleep must be between 0 and 24 hours (was 24.5).");
    }

    @Test
    void a_check_in_needs_one_value_notes_alone_are_not_enough() {
        assertThatThrownBy(() ->
                        CheckInRules.checkIn(new CheckInEntry(null, null, null, null, null, null, "felt fine", null)))
                .hasMessageContaining("at least one value");
    }

    @Test
    void the_date_is_today_by_default_never_future_at_most_14_days_back_and_not_before_the_plan() {
        assertThat(CheckInRules.checkInDate(null, TODAY, null)).isEqualTo(TODAY);
        assertThat(CheckInRules.checkInDate(TODAY.minusDays(14), TODAY, null)).isEqualTo(TODAY.minusDays(14));
        assertThatThrownBy(() -> CheckInRules.checkInDate(TODAY.plusDays(1), TODAY, null))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> CheckInRules.checkInDate(TODAY.minusDays(15), TODAY, null))
                .hasMessageContaining("at most 14 days back");
        assertThatThrownBy(() -> CheckInRules.checkInDate(TODAY.minusDays(3), TODAY, TODAY.minusDays(2)))
                .hasMessageContaining("outside your plan");
    }

    @Test
    void a_log_checks_each_value_and_each_exercise() {
        assertThatThrownBy(() -> CheckInRules.log(new SessionLogEntry(null, 30, null, 5, null, null)))
                .hasMessageContaining("done, partial or skipped");
        assertThatThrownBy(() -> CheckInRules.log(new SessionLogEntry(SessionOutcome.DONE, 1441, null, 5, null, null)))
                .hasMessage("Duration must be between 0 and 1440 minutes (was 1441).");
        assertThatThrownBy(() -> CheckInRules.log(new SessionLogEntry(SessionOutcome.DONE, 30, null, 0, null, null)))
                .hasMessage("RPE must be between 1 and 10 (was 0).");
        assertThatThrownBy(() -> CheckInRules.log(
                        new SessionLogEntry(SessionOutcome.DONE, 30, new BigDecimal("1000.5"), 5, null, null)))
                .hasMessageContaining("between 0 and 1000 km");
        assertThatThrownBy(() -> CheckInRules.log(new SessionLogEntry(
                        SessionOutcome.DONE,
                        30,
                        null,
                        5,
                        List.of(new LoggedLoad("Split squat", 3, 8, null, new BigDecimal("1200"))),
                        null)))
                .isInstanceOfSatisfying(
                        InvalidEntryException.class, e -> assertThat(e.field()).isEqualTo("loads[0].loadKg"))
                .hasMessage("Split squat: load must be between 0 and 1000 kg (was 1200).");
        assertThatThrownBy(() -> CheckInRules.log(new SessionLogEntry(
                        SessionOutcome.DONE, 30, null, 5, List.of(new LoggedLoad("  ", 3, 8, null, null)), null)))
                .hasMessage("Exercise 1 needs a name.");
        assertThatThrownBy(() ->
                        CheckInRules.log(new SessionLogEntry(SessionOutcome.DONE, 30, null, 5, null, "x".repeat(2001))))
                .hasMessageContaining("at most 2000 characters");
    }

    static CheckInEntry entry(Integer during, Integer morning, BigDecimal sleep) {
        return new CheckInEntry(null, during, morning, null, null, sleep, null, null);
    }
}
