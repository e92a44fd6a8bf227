package io.loadwise.plans.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.plans.CrossTrainingMode;
import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.ExerciseDose;
import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.IntensityScale;
import io.loadwise.plans.Phase;
import io.loadwise.plans.RecoverySession;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateCondition;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateRulesTests {

    static final RunSession EASY_RUN =
            new RunSession("Easy run", RunType.EASY, 30, null, Intensity.rpe("3-4"), null, "");

    static TemplateSession on(DayOfWeek day, SessionSpec spec) {
        return new TemplateSession(day, spec);
    }

    static Phase phase(String key, String name, String next, TemplateSession... sessions) {
        return new Phase(
                key, name, "", "", ExitCriteria.DEFAULT, next, List.of(new TemplateWeek("", List.of(sessions))));
    }

    static Phase phase(String key, String name) {
        return phase(key, name, null, on(DayOfWeek.TUESDAY, EASY_RUN));
    }

    static TemplateDraft draft(Phase... phases) {
        return new TemplateDraft(
                "Return to run", "", TemplateCondition.HAMSTRING, new TemplateContent(List.of(phases)));
    }

    static List<String> problems(TemplateDraft draft) {
        return TemplateRules.problems(draft).stream()
                .map(TemplateProblem::describe)
                .toList();
    }

    static List<String> sessionProblems(SessionSpec spec) {
        return problems(draft(phase("p", "Eccentric", null, on(DayOfWeek.TUESDAY, spec))));
    }

    @Test
    void a_complete_template_has_no_problems() {
        assertThat(problems(draft(phase("iso", "Isometrics"), phase("ecc", "Eccentric"))))
                .isEmpty();
    }

    @Test
    void the_name_is_required_and_at_most_160_characters() {
        var blank =
                new TemplateDraft("  ", "", TemplateCondition.GENERAL, new TemplateContent(List.of(phase("a", "A"))));
        var longName = new TemplateDraft(
                "x".repeat(161), "", TemplateCondition.GENERAL, new TemplateContent(List.of(phase("a", "A"))));
        assertThat(problems(blank)).containsExactly("Give the template a name.");
        assertThat(problems(longName)).containsExactly("The name is 161 characters; keep it to 160.");
        assertThat(problems(new TemplateDraft(
                        "x".repeat(160), "", TemplateCondition.GENERAL, new TemplateContent(List.of(phase("a", "A"))))))
                .isEmpty();
    }

    @Test
    void the_condition_is_required() {
        assertThat(problems(new TemplateDraft("Plan", "", null, new TemplateContent(List.of(phase("a", "A"))))))
                .containsExactly("Choose what the template treats (its condition).");
    }

    @Test
    void a_template_needs_a_phase() {
        assertThat(problems(draft())).containsExactly("A template needs at least one phase.");
    }

    @Test
    void phase_keys_follow_the_pattern_and_are_unique() {
        assertThat(problems(draft(phase("Bad Key", "Isometrics"))))
                .containsExactly("Phase 1 “Isometrics”: the key 'Bad Key' must be 1 to 64 lower-case letters, digits"
                        + " or dashes.");
        assertThat(problems(draft(phase("k".repeat(65), "Isometrics")))).hasSize(1);
        assertThat(problems(draft(phase("iso", "Isometrics"), phase("iso", "Eccentric"))))
                .containsExactly(
                        "Phase 2 “Eccentric”: the key 'iso' is used by phase 1 already; each phase needs its own.");
    }

    @Test
    void an_empty_phase_and_an_empty_week_are_named() {
        Phase noWeeks = new Phase("ecc", "Eccentric", "", "", ExitCriteria.DEFAULT, null, List.of());
        Phase emptyWeek = new Phase(
                "hsr",
                "Heavy",
                "",
                "",
                ExitCriteria.DEFAULT,
                null,
                List.of(
                        new TemplateWeek("", List.of(on(DayOfWeek.MONDAY, EASY_RUN))),
                        new TemplateWeek("", List.of())));
        assertThat(problems(draft(phase("iso", "Isometrics"), noWeeks, emptyWeek)))
                .containsExactly(
                        "Phase 2 “Eccentric”: empty phase — add at least one week with a session.",
                        "Phase 3 “Heavy”, week 2: the week has no sessions; add one.");
    }

    @Test
    void a_phase_needs_a_name() {
        assertThat(problems(draft(phase("iso", " ")))).containsExactly("Phase 1: give the phase a name.");
    }

    @Test
    void next_must_name_an_existing_phase() {
        assertThat(problems(draft(phase("iso", "Isometrics", "missing", on(DayOfWeek.MONDAY, EASY_RUN)))))
                .containsExactly("Phase 1 “Isometrics”: it is followed by 'missing', but no phase has that key.");
    }

    @Test
    void a_cycle_in_the_progression_names_its_phases() {
        assertThat(problems(draft(
                        phase("iso", "Isometrics"),
                        phase("ecc", "Eccentric", "hsr", on(DayOfWeek.MONDAY, EASY_RUN)),
                        phase("hsr", "Heavy", "ecc", on(DayOfWeek.MONDAY, EASY_RUN)))))
                .containsExactly("The progression goes round in a circle: “Eccentric” → “Heavy” → “Eccentric”. Make one"
                        + " phase the last (no next phase).");
    }

    @Test
    void a_phase_no_client_reaches_is_named() {
        // The first phase jumps straight to the last, so nobody gets the middle one.
        assertThat(problems(draft(
                        phase("iso", "Isometrics", "run", on(DayOfWeek.MONDAY, EASY_RUN)),
                        phase("ecc", "Eccentric"),
                        phase("run", "Return to run"))))
                .containsExactly("No client would reach “Eccentric”: following the progression from the first phase"
                        + " never gets there. Point a phase's next to it, or remove it.");
    }

    @Test
    void exit_criteria_are_in_range() {
        Phase phase = new Phase(
                "iso",
                "Isometrics",
                "",
                "",
                new ExitCriteria(0, 11, 101),
                null,
                List.of(new TemplateWeek("", List.of(on(DayOfWeek.MONDAY, EASY_RUN)))));
        assertThat(problems(draft(phase)))
                .containsExactly(
                        "Phase 1 “Isometrics”: calm weeks to move on must be 1 to 12, not 0.",
                        "Phase 1 “Isometrics”: the highest pain to move on must be 0 to 10, not 11.",
                        "Phase 1 “Isometrics”: the share of sessions done to move on must be 0 to 100 %, not 101.");
        Phase tooMany = new Phase(
                "iso",
                "Isometrics",
                "",
                "",
                new ExitCriteria(13, -1, -1),
                null,
                List.of(new TemplateWeek("", List.of(on(DayOfWeek.MONDAY, EASY_RUN)))));
        assertThat(problems(draft(tooMany))).hasSize(3);
    }

    @Test
    void a_run_needs_a_duration_or_a_distance_in_range() {
        assertThat(sessionProblems(new RunSession("Run", RunType.EASY, null, null, Intensity.rpe("3"), null, "")))
                .containsExactly("Phase 1 “Eccentric”, week 1, Tuesday “Run”: give a duration or a distance.");
        assertThat(sessionProblems(new RunSession("Run", RunType.EASY, 601, null, Intensity.rpe("3"), null, "")))
                .containsExactly(
                        "Phase 1 “Eccentric”, week 1, Tuesday “Run”: the duration must be 1 to 600 minutes, not 601.");
        assertThat(sessionProblems(new RunSession("Run", RunType.EASY, 0, null, Intensity.rpe("3"), null, "")))
                .hasSize(1);
        assertThat(sessionProblems(new RunSession(
                        "Run", RunType.EASY, null, new BigDecimal("0.05"), Intensity.rpe("3"), null, "")))
                .containsExactly(
                        "Phase 1 “Eccentric”, week 1, Tuesday “Run”: the distance must be 0.1 to 300 km, not 0.05.");
        assertThat(sessionProblems(new RunSession(
                        "Run", RunType.EASY, null, new BigDecimal("300.5"), Intensity.rpe("3"), null, "")))
                .hasSize(1);
        assertThat(sessionProblems(new RunSession(
                        "Run", RunType.LONG, null, new BigDecimal("21.1"), Intensity.rpe("3"), null, "")))
                .isEmpty();
    }

    @Test
    void a_run_needs_a_type_and_an_intensity() {
        assertThat(sessionProblems(new RunSession("Run", null, 30, null, Intensity.rpe("3"), null, "")))
                .containsExactly("Phase 1 “Eccentric”, week 1, Tuesday “Run”: choose the kind of run (easy, long, speed"
                        + " or strides).");
        assertThat(sessionProblems(new RunSession("Run", RunType.EASY, 30, null, null, null, "")))
                .containsExactly(
                        "Phase 1 “Eccentric”, week 1, Tuesday “Run”: give an intensity (RPE, heart-rate zone or pace).");
        assertThat(sessionProblems(new RunSession(
                        "Run", RunType.EASY, 30, null, new Intensity(IntensityScale.HR_ZONE, " "), null, "")))
                .containsExactly("Phase 1 “Eccentric”, week 1, Tuesday “Run”: give the intensity a value, e.g. RPE"
                        + " \"3-4\" or zone \"2\".");
        assertThat(sessionProblems(new RunSession(
                        "Run", RunType.EASY, 30, null, new Intensity(IntensityScale.PACE, "x".repeat(41)), null, "")))
                .containsExactly(
                        "Phase 1 “Eccentric”, week 1, Tuesday “Run”: the intensity is 41 characters; keep it to 40.");
    }

    @Test
    void a_strength_session_needs_exercises_with_sets_and_exactly_one_of_reps_or_hold() {
        assertThat(sessionProblems(new StrengthSession("Strength A", List.of(), "")))
                .containsExactly("Phase 1 “Eccentric”, week 1, Tuesday “Strength A”: add at least one exercise.");
        List<ExerciseDose> doses = List.of(
                new ExerciseDose(null, "Bridge hold", 0, null, 45, null, null),
                new ExerciseDose(null, "Nordic curl", 21, 5, null, null, null),
                new ExerciseDose(null, "Hip thrust", 3, 8, 30, null, null),
                new ExerciseDose(null, "Side plank", 3, null, null, null, null),
                new ExerciseDose(null, "Heel drop", 3, 101, null, null, null),
                new ExerciseDose(null, "Wall sit", 3, null, 601, null, null),
                new ExerciseDose(null, " ", 3, 8, null, null, null));
        assertThat(sessionProblems(new StrengthSession("Strength A", doses, "")))
                .containsExactly(
                        "Phase 1 “Eccentric”, week 1, Tuesday “Strength A”: exercise 1 (Bridge hold): sets must be 1 to"
                                + " 20, not 0.",
                        "Phase 1 “Eccentric”, week 1, Tuesday “Strength A”: exercise 2 (Nordic curl): sets must be 1 to"
                                + " 20, not 21.",
                        "Phase 1 “Eccentric”, week 1, Tuesday “Strength A”: exercise 3 (Hip thrust): give either reps or"
                                + " a hold time, not both.",
                        "Phase 1 “Eccentric”, week 1, Tuesday “Strength A”: exercise 4 (Side plank): give either reps or"
                                + " a hold time, not neither.",
                        "Phase 1 “Eccentric”, week 1, Tuesday “Strength A”: exercise 5 (Heel drop): reps must be 1 to"
                                + " 100, not 101.",
                        "Phase 1 “Eccentric”, week 1, Tuesday “Strength A”: exercise 6 (Wall sit): a hold must be 1 to"
                                + " 600 seconds, not 601.",
                        "Phase 1 “Eccentric”, week 1, Tuesday “Strength A”: exercise 7 needs a name.");
    }

    @Test
    void cross_training_needs_a_duration_of_1_to_600_minutes() {
        assertThat(sessionProblems(
                        new CrossTrainingSession("Spin", CrossTrainingMode.CYCLING, 0, Intensity.rpe("4"), "")))
                .containsExactly("Phase 1 “Eccentric”, week 1, Tuesday “Spin”: the duration must be 1 to 600 minutes.");
        assertThat(sessionProblems(
                        new CrossTrainingSession("Spin", CrossTrainingMode.CYCLING, 601, Intensity.rpe("4"), "")))
                .hasSize(1);
        assertThat(sessionProblems(new CrossTrainingSession("Spin", null, 30, Intensity.rpe("4"), "")))
                .containsExactly("Phase 1 “Eccentric”, week 1, Tuesday “Spin”: choose how to cross-train (cycling, pool"
                        + " running, elliptical, ...).");
    }

    @Test
    void recovery_duration_is_optional_but_in_range() {
        assertThat(sessionProblems(new RecoverySession("Mobility", null, List.of("Run tall"), List.of("Sleep"), "")))
                .isEmpty();
        assertThat(sessionProblems(new RecoverySession("Mobility", 0, List.of(), List.of(), "")))
                .containsExactly("Phase 1 “Eccentric”, week 1, Tuesday “Mobility”: the duration must be 1 to 600"
                        + " minutes, or left empty.");
    }

    @Test
    void titles_are_1_to_120_characters_and_notes_at_most_2000() {
        assertThat(sessionProblems(new RunSession(" ", RunType.EASY, 30, null, Intensity.rpe("3"), null, "")))
                .containsExactly("Phase 1 “Eccentric”, week 1, Tuesday: give the session a title.");
        String longTitle = "t".repeat(121);
        assertThat(sessionProblems(new RunSession(longTitle, RunType.EASY, 30, null, Intensity.rpe("3"), null, "")))
                .containsExactly("Phase 1 “Eccentric”, week 1, Tuesday “" + longTitle
                        + "”: the title is 121 characters; keep it to 120.");
        assertThat(sessionProblems(
                        new RunSession("Run", RunType.EASY, 30, null, Intensity.rpe("3"), null, "n".repeat(2001))))
                .containsExactly(
                        "Phase 1 “Eccentric”, week 1, Tuesday “Run”: the notes are 2001 characters; keep them to 2000.");
    }

    @Test
    void a_week_holds_at_most_14_sessions() {
        List<TemplateSession> fifteen = new ArrayList<>(Collections.nCopies(15, on(DayOfWeek.MONDAY, EASY_RUN)));
        Phase crowded = new Phase(
                "iso", "Isometrics", "", "", ExitCriteria.DEFAULT, null, List.of(new TemplateWeek("", fifteen)));
        assertThat(problems(draft(crowded)))
                .containsExactly("Phase 1 “Isometrics”, week 1: 15 sessions are too many; a week holds at most 14.");
        Phase full = new Phase(
                "iso",
                "Isometrics",
                "",
                "",
                ExitCriteria.DEFAULT,
                null,
                List.of(new TemplateWeek("", fifteen.subList(0, 14))));
        assertThat(problems(draft(full))).isEmpty();
    }

    @Test
    void every_problem_is_reported_at_once_with_its_place() {
        var draft = new TemplateDraft(
                "",
                "",
                TemplateCondition.HAMSTRING,
                new TemplateContent(List.of(
                        phase("iso", "Isometrics"),
                        phase(
                                "ecc",
                                "Eccentric",
                                null,
                                on(DayOfWeek.TUESDAY, new StrengthSession("Strength", List.of(), "")),
                                on(
                                        DayOfWeek.THURSDAY,
                                        new RunSession(
                                                "Run", RunType.EASY, null, null, Intensity.rpe("3"), null, ""))))));

        List<TemplateProblem> problems = TemplateRules.problems(draft);

        assertThat(problems).extracting(TemplateProblem::phase).containsExactly(0, 2, 2);
        assertThat(problems).extracting(TemplateProblem::session).containsExactly(0, 1, 2);
        assertThatThrownBy(() -> TemplateRules.validated(draft))
                .isInstanceOf(InvalidTemplateException.class)
                .satisfies(e ->
                        assertThat(((InvalidTemplateException) e).problems()).hasSize(3));
    }

    @Test
    void the_free_texts_have_their_limits() {
        var longDescription = new TemplateDraft(
                "Plan", "d".repeat(4001), TemplateCondition.GENERAL, new TemplateContent(List.of(phase("a", "A"))));
        assertThat(problems(longDescription)).containsExactly("The description is 4001 characters; keep it to 4000.");
        Phase wordy = new Phase(
                "iso",
                "n".repeat(121),
                "g".repeat(2001),
                "e".repeat(2001),
                ExitCriteria.DEFAULT,
                null,
                List.of(new TemplateWeek("f".repeat(2001), List.of(on(DayOfWeek.MONDAY, EASY_RUN)))));
        assertThat(TemplateRules.problems(draft(wordy)))
                .extracting(TemplateProblem::message)
                .containsExactly(
                        "the name is 121 characters; keep it to 120.",
                        "the goal is longer than 2000 characters.",
                        "the entry criteria are longer than 2000 characters.",
                        "the focus is longer than 2000 characters.");
    }

    @Test
    void short_session_texts_and_recovery_lists_have_their_limits() {
        assertThat(sessionProblems(
                        new RunSession("Strides", RunType.STRIDES, 30, null, Intensity.rpe("4"), "r".repeat(41), "")))
                .containsExactly("Phase 1 “Eccentric”, week 1, Tuesday “Strides”: the repeats are longer than 40"
                        + " characters.");
        assertThat(sessionProblems(new StrengthSession(
                        "Heavy",
                        List.of(new ExerciseDose(null, "Deadlift", 4, 6, null, "l".repeat(41), "t".repeat(41))),
                        "")))
                .containsExactly(
                        "Phase 1 “Eccentric”, week 1, Tuesday “Heavy”: exercise 1 (Deadlift): the load is longer than 40"
                                + " characters.",
                        "Phase 1 “Eccentric”, week 1, Tuesday “Heavy”: exercise 1 (Deadlift): the tempo is longer than 40"
                                + " characters.");
        List<String> manyCues = Collections.nCopies(21, "Run tall");
        assertThat(sessionProblems(new RecoverySession("Mobility", 20, manyCues, List.of(" ", "h".repeat(201)), "")))
                .containsExactly(
                        "Phase 1 “Eccentric”, week 1, Tuesday “Mobility”: at most 20 form cues, not 21.",
                        "Phase 1 “Eccentric”, week 1, Tuesday “Mobility”: a habit is empty.",
                        "Phase 1 “Eccentric”, week 1, Tuesday “Mobility”: a habit is longer than 200 characters.");
        assertThat(sessionProblems(new CrossTrainingSession("Spin", CrossTrainingMode.CYCLING, 30, null, "")))
                .containsExactly(
                        "Phase 1 “Eccentric”, week 1, Tuesday “Spin”: give an intensity (RPE, heart-rate zone or pace).");
    }

    @Test
    void a_session_needs_a_day_and_content() {
        assertThat(problems(draft(phase("p", "Eccentric", null, new TemplateSession(null, EASY_RUN)))))
                .containsExactly("Phase 1 “Eccentric”, week 1, session 1: choose a weekday.");
        assertThat(problems(draft(phase("p", "Eccentric", null, new TemplateSession(DayOfWeek.MONDAY, null)))))
                .containsExactly("Phase 1 “Eccentric”, week 1, Monday: the session is empty.");
    }
}
