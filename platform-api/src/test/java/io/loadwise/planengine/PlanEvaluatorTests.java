package io.loadwise.planengine;

import static io.loadwise.planengine.EngineFixtures.checkIn;
import static io.loadwise.planengine.EngineFixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.checkins.CheckIn;
import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Phase;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.SessionChange;
import io.loadwise.plans.SessionStatus;
import io.loadwise.plans.TemplateContent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanEvaluatorTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);

    static PlanSnapshot freshPlan() {
        return plan(MONDAY, s -> s.date().isBefore(THURSDAY) ? SessionStatus.DONE : SessionStatus.PLANNED);
    }

    static Decision evaluate(
            EngineRules rules, PlanSnapshot plan, List<CheckIn> history, CheckIn newCheckIn, LocalDate today) {
        List<CheckIn> all = new ArrayList<>(history);
        if (newCheckIn != null) {
            all.add(newCheckIn);
        }
        return PlanEvaluator.evaluate(new EvaluationInput(rules, plan, Set.of(), all, List.of(), newCheckIn, today));
    }

    static RunSession runOn(List<SessionChange> changes, LocalDate date) {
        return (RunSession) changes.stream()
                .filter(c -> c.date().equals(date))
                .filter(c -> c.after() instanceof RunSession)
                .findFirst()
                .orElseThrow()
                .after();
    }

    @Test
    void next_morning_pain_above_the_usual_dials_the_next_week_back_and_says_why() {
        Decision decision = evaluate(
                EngineRules.DEFAULTS, freshPlan(), List.of(), checkIn(1, THURSDAY, 3, 6, null, null), THURSDAY);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.DIAL_BACK);
        assertThat(decision.reason())
                .isEqualTo(
                        "Next-morning pain 6/10 on 3 Dec is above your usual 2/10 — for the next 7 days speed work"
                                + " becomes easy running and running volume is cut by 30 %. Strength stays at its current load.");
        // Fri bike, Sat long run, Sun strides, Mon strength, Tue hills, Wed recovery, Thu easy run + strength
        assertThat(decision.changes())
                .extracting(SessionChange::date)
                .containsExactly(
                        LocalDate.of(2026, 12, 5),
                        LocalDate.of(2026, 12, 6),
                        LocalDate.of(2026, 12, 8),
                        LocalDate.of(2026, 12, 10));
        RunSession hills = runOn(decision.changes(), LocalDate.of(2026, 12, 8));
        assertThat(hills.type()).isEqualTo(RunType.EASY);
        assertThat(hills.durationMinutes()).isEqualTo(40);
        assertThat(hills.intensity().value()).isEqualTo("3-4");
        assertThat(hills.repeats()).isNull();
        assertThat(runOn(decision.changes(), LocalDate.of(2026, 12, 6)).type()).isEqualTo(RunType.EASY);
        assertThat(runOn(decision.changes(), LocalDate.of(2026, 12, 5)).distanceKm())
                .isEqualByComparingTo("5.6");
        assertThat(runOn(decision.changes(), LocalDate.of(2026, 12, 10)).durationMinutes())
                .isEqualTo(21);
        assertThat(decision.changes()).allSatisfy(c -> assertThat(c.session()).isNotNull());
    }

    @Test
    void with_the_cross_training_swap_speed_work_becomes_cycling_of_the_same_duration() {
        var d = EngineRules.DEFAULTS;
        var rules = new EngineRules(
                d.mode(),
                d.painZones(),
                d.triggers(),
                new EngineRules.DialBack(3, 0, "cross_training"),
                d.progression(),
                d.flags());

        Decision decision =
                evaluate(rules, freshPlan(), List.of(), checkIn(1, THURSDAY, 7, null, null, null), THURSDAY);

        assertThat(decision.reason())
                .startsWith("Pain during activity 7/10 on 3 Dec is above 5/10 — for the next 3 days"
                        + " speed work becomes cross-training of the same duration. Strength");
        assertThat(decision.changes()).singleElement().satisfies(c -> {
            assertThat(c.date()).isEqualTo(LocalDate.of(2026, 12, 6));
            assertThat(c.after())
                    .isInstanceOfSatisfying(CrossTrainingSession.class, bike -> assertThat(bike.durationMinutes())
                            .isEqualTo(20));
        });
    }

    @Test
    void pain_within_the_acceptable_zone_does_not_dial_back() {
        Decision decision =
                evaluate(EngineRules.DEFAULTS, freshPlan(), List.of(), checkIn(1, THURSDAY, 5, 2, null, 4), THURSDAY);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.NONE);
    }

    @Test
    void the_usual_morning_pain_is_the_median_of_the_last_two_weeks() {
        List<CheckIn> history = List.of(
                checkIn(1, THURSDAY.minusDays(10), null, 3, null, null),
                checkIn(2, THURSDAY.minusDays(6), null, 4, null, null),
                checkIn(3, THURSDAY.minusDays(2), null, 3, null, null),
                checkIn(4, THURSDAY.minusDays(20), null, 9, null, null)); // older than 14 days: not counted

        assertThat(evaluate(
                                EngineRules.DEFAULTS,
                                freshPlan(),
                                history,
                                checkIn(9, THURSDAY, null, 3, null, null),
                                THURSDAY)
                        .outcome())
                .isEqualTo(Decision.Outcome.NONE);
        assertThat(evaluate(
                                EngineRules.DEFAULTS,
                                freshPlan(),
                                history,
                                checkIn(9, THURSDAY, null, 4, null, null),
                                THURSDAY)
                        .reason())
                .startsWith("Next-morning pain 4/10 on 3 Dec is above your usual 3/10");
    }

    @Test
    void the_coach_set_baseline_wins_over_the_check_ins() {
        PlanSnapshot plan = plan(MONDAY, "isometrics", MONDAY, 4, s -> SessionStatus.PLANNED);

        assertThat(evaluate(EngineRules.DEFAULTS, plan, List.of(), checkIn(1, THURSDAY, null, 4, null, null), THURSDAY)
                        .outcome())
                .isEqualTo(Decision.Outcome.NONE);
    }

    @Test
    void stiffness_rising_by_two_points_dials_back_but_one_point_does_not() {
        List<CheckIn> yesterday = List.of(checkIn(1, THURSDAY.minusDays(1), null, 1, 2, null));

        assertThat(evaluate(
                                EngineRules.DEFAULTS,
                                freshPlan(),
                                yesterday,
                                checkIn(2, THURSDAY, null, 1, 3, null),
                                THURSDAY)
                        .outcome())
                .isEqualTo(Decision.Outcome.NONE);
        assertThat(evaluate(
                                EngineRules.DEFAULTS,
                                freshPlan(),
                                yesterday,
                                checkIn(2, THURSDAY, null, 1, 4, null),
                                THURSDAY)
                        .reason())
                .startsWith("Next-morning stiffness rose from 2/10 to 4/10 on 3 Dec — ");
    }

    @Test
    void a_second_trigger_does_not_cut_again_what_a_dial_back_already_cut_but_extends_the_window() {
        Decision first = evaluate(
                EngineRules.DEFAULTS, freshPlan(), List.of(), checkIn(1, THURSDAY, 7, null, null, null), THURSDAY);
        // The plan after the first dial-back (revision 2):
        List<PlanSession> sessions = new ArrayList<>();
        for (PlanSession s : freshPlan().sessions()) {
            var change = first.changes().stream()
                    .filter(c -> s.id().equals(c.session()))
                    .findFirst();
            sessions.add(
                    change.isEmpty()
                            ? s
                            : new PlanSession(
                                    s.id(),
                                    s.planId(),
                                    s.date(),
                                    s.position(),
                                    s.phaseKey(),
                                    s.weekNumber(),
                                    change.get().after(),
                                    s.status(),
                                    2,
                                    first.reason()));
        }
        PlanSnapshot dialledBack =
                new PlanSnapshot(freshPlan().plan(), freshPlan().content(), sessions);
        LocalDate saturday = LocalDate.of(2026, 12, 5);

        Decision second = PlanEvaluator.evaluate(new EvaluationInput(
                EngineRules.DEFAULTS,
                dialledBack,
                Set.of(2),
                List.of(checkIn(2, saturday, 7, null, null, null)),
                List.of(),
                checkIn(2, saturday, 7, null, null, null),
                saturday));

        // Window 6-12 Dec: only Saturday 12 Dec's long run is new to it.
        assertThat(second.changes()).singleElement().satisfies(c -> {
            assertThat(c.date()).isEqualTo(LocalDate.of(2026, 12, 12));
            assertThat(((RunSession) c.after()).distanceKm()).isEqualByComparingTo(new BigDecimal("5.6"));
        });
    }

    @Test
    void a_log_without_a_new_check_in_never_dials_back_on_old_symptoms() {
        List<CheckIn> painful = List.of(checkIn(1, THURSDAY, 8, 8, 8, 8));

        Decision decision = PlanEvaluator.evaluate(
                new EvaluationInput(EngineRules.DEFAULTS, freshPlan(), Set.of(), painful, List.of(), null, THURSDAY));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.NONE);
    }

    // --- progression ---

    static final LocalDate SUNDAY_WEEK_2 = LocalDate.of(2026, 12, 13);

    static PlanSnapshot twoWeeksIn(int missedSessions) {
        int[] missed = {missedSessions};
        return plan(MONDAY, s -> {
            if (!s.date().isBefore(SUNDAY_WEEK_2)) {
                return SessionStatus.PLANNED;
            }
            return missed[0]-- > 0 ? SessionStatus.MISSED : SessionStatus.DONE;
        });
    }

    static List<CheckIn> calmWeeks(int worstPain) {
        return List.of(
                checkIn(1, LocalDate.of(2026, 12, 2), 1, 1, 1, 0),
                checkIn(2, LocalDate.of(2026, 12, 5), worstPain, 1, 1, 0),
                checkIn(3, LocalDate.of(2026, 12, 9), 2, 2, 1, 1));
    }

    @Test
    void two_calm_weeks_with_the_sessions_done_move_the_plan_to_the_next_phase() {
        Decision decision = PlanEvaluator.evaluate(new EvaluationInput(
                EngineRules.DEFAULTS, twoWeeksIn(1), Set.of(), calmWeeks(2), List.of(), null, SUNDAY_WEEK_2));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.PROGRESSION);
        assertThat(decision.newPhase()).isEqualTo("strength");
        assertThat(decision.reason())
                .isEqualTo("2 calm weeks: every check-in's pain at or below 2/10 and 14 of 15 sessions done (93 %)"
                        + " — moving on from Isometrics and pain control to Heavy slow resistance from 14 Dec.");
        List<SessionChange> cancelled =
                decision.changes().stream().filter(c -> c.after() == null).toList();
        List<SessionChange> added =
                decision.changes().stream().filter(c -> c.session() == null).toList();
        // Today's (13 Dec) strides stay; every planned day from tomorrow is re-laid from the next phase.
        assertThat(cancelled).allSatisfy(c -> assertThat(c.date()).isAfter(SUNDAY_WEEK_2));
        assertThat(cancelled).hasSize(8 * 3);
        assertThat(added).hasSize(8 * 3);
        assertThat(added.getFirst().date()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(added.getFirst().phaseKey()).isEqualTo("strength");
        assertThat(added.getFirst().after()).isEqualTo(EngineFixtures.HEAVY);
    }

    @Test
    void one_check_in_above_the_maximum_pain_holds_the_phase() {
        assertThat(PlanEvaluator.evaluate(new EvaluationInput(
                                EngineRules.DEFAULTS,
                                twoWeeksIn(1),
                                Set.of(),
                                calmWeeks(3),
                                List.of(),
                                null,
                                SUNDAY_WEEK_2))
                        .outcome())
                .isEqualTo(Decision.Outcome.NONE);
    }

    @Test
    void too_many_missed_sessions_hold_the_phase() {
        // 4 of 15 missed: 73 % < 80 %
        assertThat(PlanEvaluator.evaluate(new EvaluationInput(
                                EngineRules.DEFAULTS,
                                twoWeeksIn(4),
                                Set.of(),
                                calmWeeks(2),
                                List.of(),
                                null,
                                SUNDAY_WEEK_2))
                        .outcome())
                .isEqualTo(Decision.Outcome.NONE);
    }

    @Test
    void a_week_without_a_check_in_holds_the_phase() {
        List<CheckIn> firstWeekOnly = List.of(checkIn(1, LocalDate.of(2026, 12, 2), 1, 1, 1, 0));

        assertThat(PlanEvaluator.evaluate(new EvaluationInput(
                                EngineRules.DEFAULTS,
                                twoWeeksIn(0),
                                Set.of(),
                                firstWeekOnly,
                                List.of(),
                                null,
                                SUNDAY_WEEK_2))
                        .outcome())
                .isEqualTo(Decision.Outcome.NONE);
    }

    @Test
    void the_calendar_alone_never_progresses_a_phase_started_less_than_the_calm_weeks_ago() {
        PlanSnapshot recent = plan(MONDAY, "isometrics", LocalDate.of(2026, 12, 1), null, s -> SessionStatus.DONE);

        assertThat(PlanEvaluator.evaluate(new EvaluationInput(
                                EngineRules.DEFAULTS, recent, Set.of(), calmWeeks(1), List.of(), null, SUNDAY_WEEK_2))
                        .outcome())
                .isEqualTo(Decision.Outcome.NONE);
    }

    @Test
    void the_last_phase_never_progresses() {
        PlanSnapshot last = plan(MONDAY, "speed", MONDAY, null, s -> SessionStatus.DONE);

        assertThat(PlanEvaluator.evaluate(new EvaluationInput(
                                EngineRules.DEFAULTS, last, Set.of(), calmWeeks(1), List.of(), null, SUNDAY_WEEK_2))
                        .reason())
                .isEqualTo("The plan is in its last phase.");
    }

    @Test
    void a_phase_with_its_own_exit_criteria_uses_them() {
        Phase iso = EngineFixtures.hamstringContent().phases().getFirst();
        Phase oneWeek = new Phase(
                iso.key(),
                iso.name(),
                iso.goal(),
                iso.entryCriteria(),
                new ExitCriteria(1, 3, 50),
                iso.next(),
                iso.weeks());
        TemplateContent content = new TemplateContent(List.of(
                oneWeek,
                EngineFixtures.hamstringContent().phases().get(1),
                EngineFixtures.hamstringContent().phases().get(2)));
        PlanSnapshot base = twoWeeksIn(1);
        PlanSnapshot plan = new PlanSnapshot(base.plan(), content, base.sessions());
        LocalDate sunday1 = LocalDate.of(2026, 12, 6);

        Decision decision = PlanEvaluator.evaluate(new EvaluationInput(
                EngineRules.DEFAULTS,
                plan,
                Set.of(),
                List.of(checkIn(1, LocalDate.of(2026, 12, 2), 3, 1, 1, 0)),
                List.of(),
                null,
                sunday1));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.PROGRESSION);
        assertThat(decision.reason()).startsWith("One calm week: every check-in's pain at or below 3/10");
    }
}
