package io.loadwise.planengine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.planengine.EngineRules.DialBack;
import io.loadwise.planengine.EngineRules.Flags;
import io.loadwise.planengine.EngineRules.PainZones;
import io.loadwise.planengine.EngineRules.Progression;
import io.loadwise.planengine.EngineRules.Trigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesValidationTests {

    static final EngineRules D = EngineRules.DEFAULTS;

    static EngineRules withTriggers(Trigger... triggers) {
        return new EngineRules(
                D.mode(), D.painZones(), Arrays.asList(triggers), D.dialBack(), D.progression(), D.flags());
    }

    static List<String> fields(EngineRules rules) {
        return RulesValidation.problems(rules).stream().map(RuleProblem::field).toList();
    }

    @Test
    void the_platform_defaults_are_valid() {
        assertThat(RulesValidation.problems(D)).isEmpty();
    }

    @Test
    void an_unknown_mode_is_refused() {
        var rules = new EngineRules("sometimes", D.painZones(), D.triggers(), D.dialBack(), D.progression(), D.flags());
        assertThat(RulesValidation.problems(rules)).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("mode");
            assertThat(p.message()).contains("'sometimes'", "automatic", "propose");
        });
    }

    @Test
    void a_missing_mode_is_refused() {
        var rules = new EngineRules(null, D.painZones(), D.triggers(), D.dialBack(), D.progression(), D.flags());
        assertThat(fields(rules)).containsExactly("mode");
    }

    @Test
    void the_safe_zone_must_end_below_the_acceptable_zone() {
        var rules =
                new EngineRules(D.mode(), new PainZones(5, 5), D.triggers(), D.dialBack(), D.progression(), D.flags());
        assertThat(fields(rules)).containsExactly("painZones.acceptableMax");
    }

    @Test
    void pain_zones_stay_on_the_0_to_10_scale() {
        var rules = new EngineRules(
                D.mode(), new PainZones(-1, 11), D.triggers(), D.dialBack(), D.progression(), D.flags());
        assertThat(fields(rules)).containsExactly("painZones.safeMax", "painZones.acceptableMax");
    }

    @Test
    void no_triggers_is_refused() {
        assertThat(fields(withTriggers())).containsExactly("triggers");
        var none = new EngineRules(D.mode(), D.painZones(), null, D.dialBack(), D.progression(), D.flags());
        assertThat(fields(none)).containsExactly("triggers");
    }

    @Test
    void an_unknown_metric_is_named_with_its_position() {
        var problems =
                RulesValidation.problems(withTriggers(new Trigger("pain_during", ">", 5), new Trigger("mood", ">", 5)));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("triggers[1].metric");
            assertThat(p.message()).contains("'mood'", "morning_pain_above_baseline");
        });
    }

    @Test
    void an_unknown_comparison_is_refused() {
        assertThat(fields(withTriggers(new Trigger("pain_during", "<", 5)))).containsExactly("triggers[0].comparison");
    }

    @Test
    void a_pain_threshold_outside_0_to_10_is_refused() {
        assertThat(fields(withTriggers(new Trigger("morning_pain", ">", 11)))).containsExactly("triggers[0].threshold");
        assertThat(fields(withTriggers(new Trigger("pain_after_sitting", ">", -1))))
                .containsExactly("triggers[0].threshold");
    }

    @Test
    void a_difference_threshold_may_be_negative_but_stays_within_minus_10_to_10() {
        assertThat(fields(withTriggers(new Trigger("stiffness_rise", ">=", -3))))
                .isEmpty();
        assertThat(fields(withTriggers(new Trigger("morning_pain_above_baseline", ">", -11))))
                .containsExactly("triggers[0].threshold");
    }

    @Test
    void a_missing_number_is_asked_for_not_read_as_zero() {
        assertThat(RulesValidation.problems(withTriggers(new Trigger("pain_during", ">", null))))
                .singleElement()
                .isEqualTo(new RuleProblem("triggers[0].threshold", "Enter a whole number from 0 to 10."));
        var rules = new EngineRules(
                D.mode(),
                new PainZones(null, 5),
                D.triggers(),
                new DialBack(7, null, "easy_run"),
                D.progression(),
                D.flags());
        assertThat(fields(rules)).containsExactly("painZones.safeMax", "dialBack.runVolumeCutPercent");
    }

    @Test
    void the_same_trigger_twice_is_refused() {
        assertThat(fields(withTriggers(new Trigger("pain_during", ">", 5), new Trigger("pain_during", ">", 5))))
                .containsExactly("triggers[1]");
    }

    @Test
    void an_empty_trigger_row_is_refused() {
        List<Trigger> triggers = new ArrayList<>();
        triggers.add(null);
        var rules = new EngineRules(D.mode(), D.painZones(), triggers, D.dialBack(), D.progression(), D.flags());
        assertThat(fields(rules)).containsExactly("triggers[0]");
    }

    @Test
    void dial_back_settings_stay_in_their_ranges() {
        var rules = new EngineRules(
                D.mode(), D.painZones(), D.triggers(), new DialBack(0, 95, "walk"), D.progression(), D.flags());
        assertThat(fields(rules))
                .containsExactly("dialBack.days", "dialBack.runVolumeCutPercent", "dialBack.speedSwap");
        var longest = new EngineRules(
                D.mode(),
                D.painZones(),
                D.triggers(),
                new DialBack(29, 90, "cross_training"),
                D.progression(),
                D.flags());
        assertThat(fields(longest)).containsExactly("dialBack.days");
    }

    @Test
    void progression_settings_stay_in_their_ranges() {
        var rules = new EngineRules(
                D.mode(), D.painZones(), D.triggers(), D.dialBack(), new Progression(0, 11, 101), D.flags());
        assertThat(fields(rules))
                .containsExactly("progression.calmWeeks", "progression.maxPain", "progression.minCompletionPercent");
    }

    @Test
    void flag_settings_stay_in_their_ranges() {
        var rules = new EngineRules(
                D.mode(), D.painZones(), D.triggers(), D.dialBack(), D.progression(), new Flags(10, 0, 0));
        assertThat(fields(rules))
                .containsExactly("flags.painSpikeThreshold", "flags.missedSessions", "flags.noCheckInDays");
    }

    @Test
    void missing_sections_are_each_named() {
        var rules = new EngineRules("automatic", null, D.triggers(), null, null, null);
        assertThat(fields(rules)).containsExactly("painZones", "dialBack", "progression", "flags");
    }

    @Test
    void require_valid_lists_every_problem_in_its_exception() {
        var rules = new EngineRules("x", new PainZones(3, 2), List.of(), D.dialBack(), D.progression(), D.flags());
        assertThatThrownBy(() -> RulesValidation.requireValid(rules))
                .isInstanceOfSatisfying(InvalidRulesException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::field)
                        .containsExactly("mode", "painZones.acceptableMax", "triggers"));
    }
}
