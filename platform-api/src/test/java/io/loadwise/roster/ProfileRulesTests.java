package io.loadwise.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void tags_are_trimmed_lower_cased_and_deduplicated_in_order() {
        assertThat(ProfileRules.tags(List.of(" Trail ", "MASTERS", "trail"))).containsExactly("trail", "masters");
    }

    @Test
    void more_than_twenty_tags_long_tags_and_empty_tags_are_refused_with_a_reason() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("t" + i);
        }
        assertThatThrownBy(() -> ProfileRules.tags(many)).hasMessageContaining("at most 20 tags, not 21");
        assertThatThrownBy(() -> ProfileRules.tag("x".repeat(41))).hasMessageContaining("longer than 40");
        assertThatThrownBy(() -> ProfileRules.tag("  ")).hasMessage("A tag cannot be empty.");
        assertThat(ProfileRules.tag("x".repeat(40))).hasSize(40);
    }

    @Test
    void html_in_a_name_is_kept_as_typed() {
        assertThat(ProfileRules.displayName("  <b>Ivy</b> & Co ")).isEqualTo("<b>Ivy</b> & Co");
        assertThatThrownBy(() -> ProfileRules.displayName(" ")).hasMessage("A client needs a name.");
    }

    @Test
    void weekly_volume_is_kept_to_one_decimal_within_range() {
        assertThat(ProfileRules.weeklyVolumeKm(new BigDecimal("42.25"))).isEqualByComparingTo("42.3");
        assertThat(ProfileRules.weeklyVolumeKm(null)).isNull();
        assertThatThrownBy(() -> ProfileRules.weeklyVolumeKm(new BigDecimal("-1")))
                .hasMessageContaining("between 0 and 1000 km");
    }

    @Test
    void an_injury_starts_no_later_than_today_and_resolves_after_it_started() {
        InjuryDetails ok = new InjuryDetails(" Achilles ", InjurySide.RIGHT, TODAY, TODAY, " ");
        assertThat(ProfileRules.injury(ok, TODAY))
                .isEqualTo(new InjuryDetails("Achilles", InjurySide.RIGHT, TODAY, TODAY, null));
        assertThatThrownBy(() -> ProfileRules.injury(
                        new InjuryDetails("Calf", InjurySide.NONE, TODAY.plusDays(1), null, null), TODAY))
                .hasMessageContaining("cannot start in the future");
        assertThatThrownBy(() -> ProfileRules.injury(
                        new InjuryDetails("Calf", InjurySide.NONE, TODAY, TODAY.minusDays(1), null), TODAY))
                .hasMessageContaining("cannot be resolved");
    }

    @Test
    void enum_values_name_the_accepted_values_when_wrong() {
        assertThatThrownBy(() -> AgeGroup.parse("old")).hasMessageContaining("junior, open, masters_40");
        assertThatThrownBy(() -> RosterSort.parse("age"))
                .hasMessageContaining("name, -name, created, -created, status");
        assertThat(RosterSort.parse("-created")).isEqualTo(RosterSort.CREATED_DESC);
    }
}
