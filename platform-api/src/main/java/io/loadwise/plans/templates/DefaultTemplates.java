package io.loadwise.plans.templates;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import io.loadwise.exercises.DefaultExercises;
import io.loadwise.exercises.ExerciseId;
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
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateCondition;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The platform's reference templates, copied into every new business: staged tendon loading after
 * Goom et al. (2016) and the pain-monitoring model (Silbernagel et al., 2007) — each phase moved on
 * by symptom response (its exit criteria), not by the calendar; easy running and cross-training
 * keep the aerobic engine; form cues and recovery habits are sessions of their own.
 */
public final class DefaultTemplates {

    public static final String HAMSTRING_KEY = "hamstring-return-to-run-12w";
    public static final String ACHILLES_KEY = "achilles-return-to-run-12w";
    public static final String MASTERS_KEY = "hamstring-masters-12w";
    /** The template billing assigns when 1:1 coaching starts. */
    public static final String ONBOARDING_KEY = "coaching-onboarding-2w";

    /** One default template. */
    public record DefaultTemplate(
            String key, String name, String description, TemplateCondition condition, TemplateContent content) {}

    private static final String PAIN_RULE =
            "Pain during and after up to 3/10 is fine; it should be back to your usual level the next morning."
                    + " If it isn't, repeat the previous week's load.";
    private static final String NO_COMPRESSION =
            "Avoid compressing the tendon early on: no deep hip flexion under load, no long sitting without"
                    + " breaks, no static hamstring stretching.";
    private static final List<String> FORM = List.of("Run tall", "Drive the arms back", "Short, quick steps");
    private static final List<String> HABITS =
            List.of("7-9 h sleep", "20-30 g protein within an hour of strength work", "Walk breaks when sitting long");
    private static final List<String> MASTERS_HABITS = List.of(
            "7-9 h sleep; a 20 min nap counts on hard days",
            "30-40 g protein at each meal and within an hour of every workout",
            "Creatine 3-5 g a day if your doctor agrees",
            "A full rest day after every hard day");

    private final Map<String, ExerciseId> exercises;

    private DefaultTemplates(Map<String, ExerciseId> exercises) {
        this.exercises = exercises;
    }

    /**
     * The defaults, their strength sessions naming the business's own copies of the default
     * exercises.
     *
     * @param exerciseIds the business's exercise ids by default key (a missing key leaves the dose
     *     without an id, named only)
     */
    public static List<DefaultTemplate> all(Map<String, ExerciseId> exerciseIds) {
        DefaultTemplates t = new DefaultTemplates(exerciseIds);
        return List.of(t.hamstring(), t.achilles(), t.masters(), t.onboarding());
    }

    // --- Hamstring tendinopathy: four loading stages, return to running in the last two phases ---

    private DefaultTemplate hamstring() {
        List<Phase> phases = new ArrayList<>();
        phases.add(
                phase(
                        "isometrics",
                        "Isometrics & pain control",
                        "Settle the tendon with isometric holds, keep running easy and short if it allows, keep the"
                                + " aerobic engine with cross-training. " + NO_COMPRESSION,
                        "Pain at the sit bone after sitting or running; no pain over 5/10 at rest.",
                        new ExitCriteria(2, 2, 80),
                        weeks(
                                2,
                                w -> week(
                                        "Holds 5 × " + (30 + 15 * w) + " s, easy running only if it stays ≤ 3/10",
                                        s(
                                                MONDAY,
                                                strength(
                                                        "Isometrics A",
                                                        PAIN_RULE + " " + NO_COMPRESSION,
                                                        hold("prone-hamstring-isometric", 5, 30 + 15 * w),
                                                        hold("isometric-bridge-hold", 5, 30 + 15 * w),
                                                        hold("side-plank", 3, 30),
                                                        reps("dead-bug", 3, 8))),
                                        s(
                                                TUESDAY,
                                                cross(
                                                        "Easy spin",
                                                        CrossTrainingMode.CYCLING,
                                                        30 + 5 * w,
                                                        "3-4",
                                                        "Saddle high enough that the hip does not close much at the top of the stroke.")),
                                        s(
                                                WEDNESDAY,
                                                run(
                                                        "Easy run",
                                                        RunType.EASY,
                                                        20 + 5 * w,
                                                        "3",
                                                        "Flat route, conversational. Skip it for pool running if pain rises above 3/10.")),
                                        s(
                                                THURSDAY,
                                                strength(
                                                        "Isometrics B",
                                                        PAIN_RULE,
                                                        hold("isometric-bridge-hold", 5, 30 + 15 * w),
                                                        hold("prone-hamstring-isometric", 5, 30 + 15 * w),
                                                        reps("banded-lateral-walk", 3, 12),
                                                        reps("clamshell", 3, 15))),
                                        s(
                                                FRIDAY,
                                                recovery(
                                                        "Mobility & recovery",
                                                        20,
                                                        FORM,
                                                        HABITS,
                                                        "Hip flexor stretch, ankle mobility and gentle nerve glides — not static hamstring"
                                                                + " stretches.")),
                                        s(
                                                SATURDAY,
                                                cross(
                                                        "Pool running",
                                                        CrossTrainingMode.POOL_RUNNING,
                                                        30 + 5 * w,
                                                        "4-5",
                                                        "Upright, run-like arm swing; keeps the running pattern without impact."))))));
        phases.add(
                phase(
                        "isotonic",
                        "Progressive strength",
                        "Build strength through range with slow isotonic and eccentric work; shallow hinges only."
                                + " Running grows while next-morning pain stays at its usual level.",
                        "Holds are comfortable at 45 s; running 25 min easy without flare-up.",
                        new ExitCriteria(2, 2, 80),
                        weeks(
                                3,
                                w -> week(
                                        "Strength 3 × 8, runs to " + (30 + 5 * w) + " min",
                                        s(
                                                MONDAY,
                                                strength(
                                                        "Strength A",
                                                        PAIN_RULE + " " + NO_COMPRESSION,
                                                        dose(
                                                                "slider-hamstring-curl",
                                                                3,
                                                                8,
                                                                null,
                                                                "bodyweight",
                                                                "3-0-1"),
                                                        dose(
                                                                "slow-single-leg-rdl",
                                                                3,
                                                                8,
                                                                null,
                                                                "light dumbbell",
                                                                "3-0-1"),
                                                        dose("barbell-hip-thrust", 3, 10, null, "RPE 6-7", "2-2-1"),
                                                        hold("side-plank", 3, 40))),
                                        s(
                                                TUESDAY,
                                                run("Easy run", RunType.EASY, 30 + 5 * w, "3-4", "Flat and relaxed.")),
                                        s(WEDNESDAY, cross("Elliptical", CrossTrainingMode.ELLIPTICAL, 40, "4-5", "")),
                                        s(
                                                THURSDAY,
                                                strength(
                                                        "Strength B",
                                                        PAIN_RULE,
                                                        dose(
                                                                "nordic-curl-band-assisted",
                                                                3,
                                                                5,
                                                                null,
                                                                "heavy band",
                                                                "4-0-x"),
                                                        dose("split-squat", 3, 8, null, "bodyweight", "3-0-1"),
                                                        reps("banded-lateral-walk", 3, 12),
                                                        reps("dead-bug", 3, 10))),
                                        s(
                                                FRIDAY,
                                                recovery(
                                                        "Recovery",
                                                        20,
                                                        FORM,
                                                        HABITS,
                                                        "Mobility circuit and an early night.")),
                                        s(
                                                SATURDAY,
                                                run(
                                                        "Long easy run",
                                                        RunType.LONG,
                                                        40 + 5 * w,
                                                        "3-4",
                                                        "Longest run of the week; stop at the planned time even if it feels easy."))))));
        phases.add(phase(
                "heavy-strength",
                "Heavy, faster, more hip-flexed strength",
                "Heavier slow resistance, then more hip flexion under load (Romanian deadlift depth, Nordic"
                        + " range). Strides return.",
                "Strength sessions at RPE 7 without next-morning flare-up; 45 min easy run comfortable.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        3,
                        w -> week(
                                "Heavy 4 × 6, add load weekly",
                                s(
                                        MONDAY,
                                        strength(
                                                "Heavy A",
                                                PAIN_RULE,
                                                dose(
                                                        "trap-bar-deadlift",
                                                        4,
                                                        6,
                                                        null,
                                                        "RPE " + (7 + (w > 1 ? 1 : 0)),
                                                        "3-0-3"),
                                                dose("romanian-deadlift", 3, 6, null, "RPE 7", "3-0-1"),
                                                hold("copenhagen-plank", 3, 20),
                                                hold("side-plank", 3, 45))),
                                s(
                                        TUESDAY,
                                        run(
                                                "Easy run + strides",
                                                RunType.STRIDES,
                                                35 + 5 * w,
                                                "3-4",
                                                "Relaxed strides at the end, full recovery between.",
                                                "4 × 15 s")),
                                s(
                                        WEDNESDAY,
                                        cross(
                                                "Bike intervals",
                                                CrossTrainingMode.CYCLING,
                                                45,
                                                "2-3",
                                                "HR zone 2 steady; keeps the engine without the impact.")),
                                s(
                                        THURSDAY,
                                        strength(
                                                "Heavy B",
                                                PAIN_RULE,
                                                dose("nordic-curl-partial-range", 3, 5, null, "bodyweight", "4-0-x"),
                                                dose("barbell-hip-thrust", 4, 8, null, "RPE 7-8", "2-2-1"),
                                                dose("split-squat", 3, 8, null, "RPE 7", "3-0-1"))),
                                s(FRIDAY, recovery("Recovery", 20, FORM, HABITS, "")),
                                s(SATURDAY, run("Long run", RunType.LONG, 50 + 5 * w, "3-4", ""))))));
        phases.add(phase(
                "energy-storage",
                "Energy storage",
                "Teach the tendon to store and release energy again: skips, hops and bounds, with strength"
                        + " kept twice a week.",
                "Heavy strength comfortable; no next-morning rise after strides.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        2,
                        w -> week(
                                "Plyometrics build; strength maintained",
                                s(
                                        MONDAY,
                                        strength(
                                                "Spring & strength",
                                                PAIN_RULE,
                                                reps("a-skips", 3, 20),
                                                reps("pogo-hops", 3, 20),
                                                reps("bounding", 3 + w, 8),
                                                dose("trap-bar-deadlift", 3, 5, null, "RPE 8", "2-0-1"))),
                                s(TUESDAY, run("Easy run", RunType.EASY, 40, "3-4", "")),
                                s(
                                        WEDNESDAY,
                                        run(
                                                "Strides",
                                                RunType.STRIDES,
                                                35,
                                                "3-4",
                                                "Build to 85 % effort, drive the arms back.",
                                                (6 + 2 * w) + " × 20 s")),
                                s(
                                        THURSDAY,
                                        strength(
                                                "Heavy maintenance",
                                                PAIN_RULE,
                                                dose("romanian-deadlift", 3, 6, null, "RPE 8", "3-0-1"),
                                                dose("nordic-curl-partial-range", 3, 6, null, "bodyweight", null),
                                                hold("side-plank", 3, 45))),
                                s(FRIDAY, recovery("Recovery", 20, FORM, HABITS, "")),
                                s(SATURDAY, run("Long run", RunType.LONG, 60 + 10 * w, "3-4", ""))))));
        phases.add(phase(
                "return-to-speed",
                "Return to running and speed",
                "Graded return of faster running; strength stays in the week for good.",
                "Hops and strides without flare-up; long run 70 min comfortable.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        2,
                        w -> week(
                                "Speed back, one session a week",
                                s(
                                        MONDAY,
                                        strength(
                                                "Strength maintenance",
                                                PAIN_RULE,
                                                dose("trap-bar-deadlift", 3, 5, null, "RPE 8", null),
                                                dose("nordic-curl-partial-range", 3, 6, null, "bodyweight", null),
                                                reps("pogo-hops", 3, 20))),
                                s(
                                        TUESDAY,
                                        run(
                                                "Speed",
                                                RunType.SPEED,
                                                45,
                                                "7-8",
                                                "10 min easy, then the efforts with 2 min easy jog between, 10 min easy. Stop at"
                                                        + " the first pull at the sit bone.",
                                                w == 0 ? "6 × 1 min" : "5 × 3 min")),
                                s(WEDNESDAY, run("Recovery run", RunType.EASY, 30, "2-3", "")),
                                s(
                                        THURSDAY,
                                        recovery(
                                                "Mobility & form drills",
                                                25,
                                                FORM,
                                                HABITS,
                                                "A-skips and form drills, then mobility.")),
                                s(FRIDAY, run("Easy run + strides", RunType.STRIDES, 40, "3-4", "", "6 × 20 s")),
                                s(SUNDAY, run("Long run", RunType.LONG, 75 + 10 * w, "3-4", ""))))));
        return new DefaultTemplate(
                HAMSTRING_KEY,
                "Hamstring tendinopathy — return to run (12 weeks)",
                "Proximal hamstring tendinopathy in four loading stages — isometrics and pain control, progressive"
                        + " strength, heavier and more hip-flexed strength, energy storage — then a graded return to"
                        + " running and speed. Each phase moves on after calm weeks (pain ≤ 2/10, sessions done), not"
                        + " by the calendar.",
                TemplateCondition.HAMSTRING,
                new TemplateContent(phases));
    }

    // --- Achilles: isometric calf → heavy slow resistance → energy storage → speed ---

    private DefaultTemplate achilles() {
        List<Phase> phases = new ArrayList<>();
        phases.add(phase(
                "isometric-calf",
                "Isometric calf loading",
                "Calm the tendon with heavy calf holds; easy running only if morning stiffness allows.",
                "Achilles pain or morning stiffness; hopping painful.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        2,
                        w -> week(
                                "Holds 5 × 45 s, heavy",
                                s(
                                        MONDAY,
                                        strength(
                                                "Calf holds A",
                                                PAIN_RULE,
                                                dose(
                                                        "isometric-calf-raise",
                                                        5,
                                                        null,
                                                        45,
                                                        "backpack " + (5 + 5 * w) + " kg",
                                                        null),
                                                dose("isometric-seated-soleus", 5, null, 45, "heavy", null),
                                                reps("banded-lateral-walk", 3, 12))),
                                s(TUESDAY, cross("Easy spin", CrossTrainingMode.CYCLING, 35, "3-4", "")),
                                s(
                                        WEDNESDAY,
                                        run(
                                                "Easy run",
                                                RunType.EASY,
                                                20 + 5 * w,
                                                "3",
                                                "Soft surface; swap for pool running if morning stiffness rose.")),
                                s(
                                        THURSDAY,
                                        strength(
                                                "Calf holds B",
                                                PAIN_RULE,
                                                dose(
                                                        "isometric-calf-raise",
                                                        5,
                                                        null,
                                                        45,
                                                        "backpack " + (5 + 5 * w) + " kg",
                                                        null),
                                                hold("side-plank", 3, 30),
                                                reps("dead-bug", 3, 8))),
                                s(
                                        FRIDAY,
                                        recovery("Mobility & recovery", 20, FORM, HABITS, "Ankle dorsiflexion work.")),
                                s(SATURDAY, cross("Pool running", CrossTrainingMode.POOL_RUNNING, 35, "4-5", ""))))));
        phases.add(phase(
                "hsr-calf",
                "Heavy slow resistance",
                "Heavy, slow calf strength straight- and bent-knee; running builds.",
                "Single-leg calf raises 3 × 15 without next-morning rise.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        4,
                        w -> week(
                                "Heavy calf 4 × " + (10 - w) + ", add load weekly",
                                s(
                                        MONDAY,
                                        strength(
                                                "Heavy calf A",
                                                PAIN_RULE,
                                                dose("seated-calf-raise", 4, 10 - w, null, "RPE 7-8", "3-0-3"),
                                                dose("standing-calf-raise", 4, 10 - w, null, "RPE 7-8", "3-0-3"),
                                                dose("leg-press", 3, 8, null, "RPE 7", "3-0-3"))),
                                s(TUESDAY, run("Easy run", RunType.EASY, 30 + 5 * w, "3-4", "")),
                                s(WEDNESDAY, cross("Elliptical", CrossTrainingMode.ELLIPTICAL, 40, "4-5", "")),
                                s(
                                        THURSDAY,
                                        strength(
                                                "Heavy calf B",
                                                PAIN_RULE,
                                                dose("single-leg-leg-press-calf", 4, 10 - w, null, "RPE 8", "3-0-3"),
                                                dose("eccentric-heel-drop", 3, 15, null, "bodyweight", "3 s down"),
                                                hold("side-plank", 3, 40))),
                                s(FRIDAY, recovery("Recovery", 20, FORM, HABITS, "")),
                                s(SATURDAY, run("Long easy run", RunType.LONG, 40 + 5 * w, "3-4", ""))))));
        phases.add(phase(
                "energy-storage",
                "Energy storage",
                "Bring back the spring: skipping, pogos and hops, heavy calf work kept twice a week.",
                "Heavy calf raises comfortable at RPE 8.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        3,
                        w -> week(
                                "Plyometrics: contacts up by a quarter a week",
                                s(
                                        MONDAY,
                                        strength(
                                                "Spring A",
                                                PAIN_RULE,
                                                reps("skipping", 4 + w, 60),
                                                reps("pogo-hops", 3, 20 + 5 * w),
                                                dose("seated-calf-raise", 3, 8, null, "RPE 8", "3-0-3"))),
                                s(TUESDAY, run("Easy run", RunType.EASY, 40, "3-4", "")),
                                s(WEDNESDAY, run("Strides", RunType.STRIDES, 35, "3-4", "", "6 × 20 s")),
                                s(
                                        THURSDAY,
                                        strength(
                                                "Spring B",
                                                PAIN_RULE,
                                                reps("single-leg-hops", 3, 10),
                                                reps("a-skips", 3, 20),
                                                dose("standing-calf-raise", 3, 8, null, "RPE 8", "3-0-3"))),
                                s(FRIDAY, recovery("Recovery", 20, FORM, HABITS, "")),
                                s(SATURDAY, run("Long run", RunType.LONG, 55 + 5 * w, "3-4", ""))))));
        phases.add(phase(
                "return-to-speed",
                "Return to speed",
                "Faster running returns, hills last.",
                "Hops pain free; no morning stiffness rise after strides.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        3,
                        w -> week(
                                "One speed session a week",
                                s(
                                        MONDAY,
                                        strength(
                                                "Calf maintenance",
                                                PAIN_RULE,
                                                dose("seated-calf-raise", 3, 8, null, "RPE 8", null),
                                                reps("pogo-hops", 3, 20))),
                                s(
                                        TUESDAY,
                                        run(
                                                "Speed",
                                                RunType.SPEED,
                                                45,
                                                "7-8",
                                                "Warm up 10 min easy; 2 min easy jog between efforts.",
                                                w == 0 ? "8 × 1 min" : w == 1 ? "6 × 2 min" : "4 × 4 min")),
                                s(WEDNESDAY, run("Recovery run", RunType.EASY, 30, "2-3", "")),
                                s(THURSDAY, recovery("Mobility & drills", 25, FORM, HABITS, "")),
                                s(FRIDAY, run("Easy run + strides", RunType.STRIDES, 40, "3-4", "", "6 × 20 s")),
                                s(SUNDAY, run("Long run", RunType.LONG, 70 + 5 * w, "3-4", ""))))));
        return new DefaultTemplate(
                ACHILLES_KEY,
                "Achilles tendinopathy — return to run (12 weeks)",
                "Mid-portion Achilles tendinopathy: isometric calf loading, heavy slow resistance, energy storage,"
                        + " then a return to speed. Moved on by symptom response: pain ≤ 2/10 and morning stiffness"
                        + " back to usual.",
                TemplateCondition.ACHILLES,
                new TemplateContent(phases));
    }

    // --- Masters / menopause: heavier strength, more recovery, protein around workouts ---

    private DefaultTemplate masters() {
        String mastersNote = "Lower estrogen changes collagen and tendon elasticity: heavier strength, more"
                + " structured recovery and protein around workouts. " + PAIN_RULE;
        List<Phase> phases = new ArrayList<>();
        phases.add(phase(
                "isometrics",
                "Isometrics & pain control",
                "Settle the tendon with heavy isometric holds. " + NO_COMPRESSION,
                "Pain at the sit bone after sitting or running.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        3,
                        w -> week(
                                "Holds 5 × 45 s; two full rest days",
                                s(
                                        MONDAY,
                                        strength(
                                                "Isometrics A",
                                                mastersNote,
                                                hold("prone-hamstring-isometric", 5, 45),
                                                hold("isometric-bridge-hold", 5, 45),
                                                hold("side-plank", 3, 30))),
                                s(TUESDAY, cross("Easy spin", CrossTrainingMode.CYCLING, 30 + 5 * w, "3-4", "")),
                                s(
                                        WEDNESDAY,
                                        recovery(
                                                "Recovery day",
                                                20,
                                                FORM,
                                                MASTERS_HABITS,
                                                "Mobility, a walk, early night.")),
                                s(
                                        THURSDAY,
                                        strength(
                                                "Isometrics B",
                                                mastersNote,
                                                hold("single-leg-bridge-hold", 4, 30),
                                                hold("isometric-calf-raise", 4, 45),
                                                reps("banded-lateral-walk", 3, 12))),
                                s(
                                        SATURDAY,
                                        run("Easy run", RunType.EASY, 20 + 5 * w, "3", "Only if pain stays ≤ 3/10.")),
                                s(
                                        SUNDAY,
                                        recovery(
                                                "Rest & protein",
                                                null,
                                                List.of(),
                                                MASTERS_HABITS,
                                                "Full rest day."))))));
        phases.add(phase(
                "heavy-strength",
                "Heavy strength",
                "Heavier loads, fewer reps: the stimulus tendons and bone respond to after menopause.",
                "Holds comfortable; 25 min easy run without flare-up.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        4,
                        w -> week(
                                "Heavy 4 × 5-6 at RPE 8",
                                s(
                                        MONDAY,
                                        strength(
                                                "Heavy A",
                                                mastersNote,
                                                dose(
                                                        "trap-bar-deadlift",
                                                        4,
                                                        6 - (w > 1 ? 1 : 0),
                                                        null,
                                                        "RPE 8",
                                                        "3-0-1"),
                                                dose("barbell-hip-thrust", 4, 6, null, "RPE 8", "2-2-1"),
                                                dose("slider-hamstring-curl", 3, 8, null, "bodyweight", "3-0-1"))),
                                s(TUESDAY, run("Easy run", RunType.EASY, 30 + 5 * w, "3-4", "")),
                                s(WEDNESDAY, recovery("Recovery day", 20, FORM, MASTERS_HABITS, "")),
                                s(
                                        THURSDAY,
                                        strength(
                                                "Heavy B",
                                                mastersNote,
                                                dose("romanian-deadlift", 4, 6, null, "RPE 7-8", "3-0-1"),
                                                dose("split-squat", 3, 6, null, "RPE 8", "3-0-1"),
                                                dose("standing-calf-raise", 3, 8, null, "RPE 8", "3-0-3"))),
                                s(SATURDAY, run("Long easy run", RunType.LONG, 40 + 5 * w, "3-4", "")),
                                s(
                                        SUNDAY,
                                        recovery(
                                                "Rest & protein",
                                                null,
                                                List.of(),
                                                MASTERS_HABITS,
                                                "Full rest day."))))));
        phases.add(phase(
                "energy-storage",
                "Energy storage",
                "Low-volume plyometrics with heavy strength kept.",
                "Heavy strength at RPE 8 with no next-morning rise.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        2,
                        w -> week(
                                "Plyometrics, small doses",
                                s(
                                        MONDAY,
                                        strength(
                                                "Spring & strength",
                                                mastersNote,
                                                reps("a-skips", 3, 20),
                                                reps("pogo-hops", 3, 15 + 5 * w),
                                                dose("trap-bar-deadlift", 3, 5, null, "RPE 8", null))),
                                s(TUESDAY, run("Easy run + strides", RunType.STRIDES, 40, "3-4", "", "6 × 15 s")),
                                s(WEDNESDAY, recovery("Recovery day", 20, FORM, MASTERS_HABITS, "")),
                                s(
                                        THURSDAY,
                                        strength(
                                                "Heavy maintenance",
                                                mastersNote,
                                                dose("romanian-deadlift", 3, 6, null, "RPE 8", null),
                                                dose("nordic-curl-partial-range", 3, 5, null, "bodyweight", null))),
                                s(SATURDAY, run("Long run", RunType.LONG, 60, "3-4", "")),
                                s(
                                        SUNDAY,
                                        recovery(
                                                "Rest & protein",
                                                null,
                                                List.of(),
                                                MASTERS_HABITS,
                                                "Full rest day."))))));
        phases.add(phase(
                "return-to-speed",
                "Return to speed",
                "Speed back once a week, recovery days kept.",
                "Strides and hops without flare-up.",
                new ExitCriteria(2, 2, 80),
                weeks(
                        3,
                        w -> week(
                                "One speed session, two rest days",
                                s(
                                        MONDAY,
                                        strength(
                                                "Strength",
                                                mastersNote,
                                                dose("trap-bar-deadlift", 3, 5, null, "RPE 8", null),
                                                dose("barbell-hip-thrust", 3, 6, null, "RPE 8", null))),
                                s(
                                        TUESDAY,
                                        run(
                                                "Speed",
                                                RunType.SPEED,
                                                45,
                                                "7-8",
                                                "2 min easy between efforts.",
                                                w == 0 ? "6 × 1 min" : "5 × 2 min")),
                                s(WEDNESDAY, recovery("Recovery day", 20, FORM, MASTERS_HABITS, "")),
                                s(THURSDAY, run("Easy run", RunType.EASY, 35, "3-4", "")),
                                s(SATURDAY, run("Long run", RunType.LONG, 65 + 5 * w, "3-4", "")),
                                s(
                                        SUNDAY,
                                        recovery(
                                                "Rest & protein",
                                                null,
                                                List.of(),
                                                MASTERS_HABITS,
                                                "Full rest day."))))));
        return new DefaultTemplate(
                MASTERS_KEY,
                "Hamstring tendinopathy — masters & menopause (12 weeks)",
                "The hamstring return to run for masters and menopausal athletes: heavier strength work, a recovery"
                        + " day after every hard day, protein reminders around workouts.",
                TemplateCondition.HAMSTRING,
                new TemplateContent(phases));
    }

    // --- Onboarding: two gentle weeks to see how the client responds ---

    private DefaultTemplate onboarding() {
        List<Phase> phases = new ArrayList<>();
        phases.add(phase(
                "assessment",
                "Getting to know you",
                "Two gentle weeks: easy running, baseline strength holds and daily check-ins so your coach sees"
                        + " how your body responds before the real plan starts.",
                "Intake questionnaire answered.",
                new ExitCriteria(1, 3, 70),
                weeks(
                        2,
                        w -> week(
                                w == 0 ? "Baseline: how far and how strong today" : "Settle into the routine",
                                s(
                                        MONDAY,
                                        strength(
                                                "Baseline holds",
                                                "Note how long you can hold each, and the pain during" + " (0-10). "
                                                        + PAIN_RULE,
                                                hold("isometric-bridge-hold", 3, 30),
                                                hold("isometric-calf-raise", 3, 30),
                                                hold("side-plank", 2, 30))),
                                s(
                                        TUESDAY,
                                        run(
                                                "Easy run",
                                                RunType.EASY,
                                                25,
                                                "3",
                                                "Conversational pace; note pain during" + " and the next morning.")),
                                s(THURSDAY, cross("Easy spin or walk", CrossTrainingMode.CYCLING, 30, "3", "")),
                                s(FRIDAY, recovery("Mobility & habits", 15, FORM, HABITS, "")),
                                s(SATURDAY, run("Easy run", RunType.EASY, 30 + 5 * w, "3", ""))))));
        return new DefaultTemplate(
                ONBOARDING_KEY,
                "Coaching onboarding (2 weeks)",
                "The first two weeks of 1:1 coaching: gentle assessment sessions and daily check-ins, so the coach"
                        + " can choose and tune the right plan.",
                TemplateCondition.ONBOARDING,
                new TemplateContent(phases));
    }

    // --- a small vocabulary for writing the defaults ---

    private interface WeekMaker {
        TemplateWeek make(int weekIndex);
    }

    private static List<TemplateWeek> weeks(int count, WeekMaker maker) {
        List<TemplateWeek> weeks = new ArrayList<>();
        for (int w = 0; w < count; w++) {
            weeks.add(maker.make(w));
        }
        return weeks;
    }

    private static Phase phase(
            String key, String name, String goal, String entry, ExitCriteria exit, List<TemplateWeek> weeks) {
        return new Phase(key, name, goal, entry, exit, null, weeks);
    }

    private static TemplateWeek week(String focus, TemplateSession... sessions) {
        return new TemplateWeek(focus, List.of(sessions));
    }

    private static TemplateSession s(DayOfWeek day, io.loadwise.plans.SessionSpec spec) {
        return new TemplateSession(day, spec);
    }

    private static RunSession run(String title, RunType type, int minutes, String rpe, String notes) {
        return run(title, type, minutes, rpe, notes, null);
    }

    private static RunSession run(
            String title, RunType type, int minutes, String rpe, String notes, @Nullable String repeats) {
        return new RunSession(title, type, minutes, (BigDecimal) null, Intensity.rpe(rpe), repeats, notes);
    }

    private static CrossTrainingSession cross(
            String title, CrossTrainingMode mode, int minutes, String rpe, String notes) {
        return new CrossTrainingSession(title, mode, minutes, new Intensity(IntensityScale.RPE, rpe), notes);
    }

    private static RecoverySession recovery(
            String title, @Nullable Integer minutes, List<String> formCues, List<String> habits, String notes) {
        return new RecoverySession(title, minutes, formCues, habits, notes);
    }

    private static StrengthSession strength(String title, String notes, ExerciseDose... doses) {
        return new StrengthSession(title, List.of(doses), notes);
    }

    private ExerciseDose hold(String key, int sets, int seconds) {
        return dose(key, sets, null, seconds, null, null);
    }

    private ExerciseDose reps(String key, int sets, int reps) {
        return dose(key, sets, reps, null, null, null);
    }

    private ExerciseDose dose(
            String key,
            int sets,
            @Nullable Integer reps,
            @Nullable Integer holdSeconds,
            @Nullable String load,
            @Nullable String tempo) {
        String name = DefaultExercises.byKey(key)
                .orElseThrow(() -> new IllegalStateException("No default exercise " + key))
                .name();
        ExerciseId id = exercises.get(key);
        return new ExerciseDose(id == null ? null : id.value(), name, sets, reps, holdSeconds, load, tempo);
    }
}
