package io.loadwise.plans.templates;

import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.ExerciseDose;
import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.Phase;
import io.loadwise.plans.RecoverySession;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import java.math.BigDecimal;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What makes a template fit to save, checked on the whole document on every save so a coach sees
 * every problem at once, each saying where it is. A template that passes can be materialized into
 * a client's plan and followed phase by phase to its end.
 */
public final class TemplateRules {

    public static final int MAX_NAME = 160;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_PHASE_NAME = 120;
    public static final int MAX_PHASE_TEXT = 2000;
    public static final int MAX_SESSIONS_PER_WEEK = 14;
    public static final int MAX_MINUTES = 600;
    public static final int MAX_INTENSITY = 40;
    public static final int MAX_SHORT_TEXT = 40;
    public static final int MAX_LIST_ENTRY = 200;
    public static final int MAX_LIST_ENTRIES = 20;
    public static final Pattern PHASE_KEY = Pattern.compile("[a-z0-9-]{1,64}");
    private static final BigDecimal MIN_KM = new BigDecimal("0.1");
    private static final BigDecimal MAX_KM = new BigDecimal("300");

    private TemplateRules() {}

    /**
     * The draft with its name and description trimmed.
     *
     * @throws InvalidTemplateException listing every problem
     */
    public static TemplateDraft validated(TemplateDraft draft) {
        TemplateDraft normalized = new TemplateDraft(
                draft.name() == null ? null : draft.name().strip(),
                draft.description() == null ? "" : draft.description().strip(),
                draft.condition(),
                draft.content());
        List<TemplateProblem> problems = problems(normalized);
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException(problems);
        }
        return normalized;
    }

    /** Every problem of a template, the template's own first, then phase by phase. */
    public static List<TemplateProblem> problems(TemplateDraft draft) {
        List<TemplateProblem> problems = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            problems.add(TemplateProblem.ofTemplate("Give the template a name."));
        } else if (name.length() > MAX_NAME) {
            problems.add(TemplateProblem.ofTemplate(
                    "The name is " + name.length() + " characters; keep it to " + MAX_NAME + "."));
        }
        if (draft.description() != null && draft.description().length() > MAX_DESCRIPTION) {
            problems.add(TemplateProblem.ofTemplate("The description is "
                    + draft.description().length() + " characters; keep it to " + MAX_DESCRIPTION + "."));
        }
        if (draft.condition() == null) {
            problems.add(TemplateProblem.ofTemplate("Choose what the template treats (its condition)."));
        }
        problems.addAll(contentProblems(draft.content()));
        return problems;
    }

    /** Every problem of the phases, weeks and sessions. */
    public static List<TemplateProblem> contentProblems(@Nullable TemplateContent content) {
        List<TemplateProblem> problems = new ArrayList<>();
        List<Phase> phases = content == null ? List.of() : content.phases();
        if (phases.isEmpty()) {
            problems.add(TemplateProblem.ofTemplate("A template needs at least one phase."));
            return problems;
        }
        Map<String, Integer> firstPositionOfKey = new HashMap<>();
        boolean keysUsable = true;
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            if (phase == null) {
                problems.add(new TemplateProblem(p + 1, 0, 0, "Phase " + (p + 1), "is empty."));
                keysUsable = false;
                continue;
            }
            String where = phaseLabel(p, phase);
            String key = phase.key();
            if (key == null || !PHASE_KEY.matcher(key).matches()) {
                keysUsable = false;
                problems.add(new TemplateProblem(
                        p + 1,
                        0,
                        0,
                        where,
                        "the key '" + (key == null ? "" : key)
                                + "' must be 1 to 64 lower-case letters, digits or dashes."));
            } else if (firstPositionOfKey.putIfAbsent(key, p + 1) != null) {
                keysUsable = false;
                problems.add(new TemplateProblem(
                        p + 1,
                        0,
                        0,
                        where,
                        "the key '" + key + "' is used by phase " + firstPositionOfKey.get(key)
                                + " already; each phase needs its own."));
            }
            phaseProblems(p, phase, where, problems);
        }
        Set<String> keys = firstPositionOfKey.keySet();
        boolean nextUsable = keysUsable;
        for (int p = 0; p < phases.size(); p++) {
            Phase phase = phases.get(p);
            if (phase != null && phase.next() != null && !keys.contains(phase.next())) {
                nextUsable = false;
                problems.add(new TemplateProblem(
                        p + 1,
                        0,
                        0,
                        phaseLabel(p, phase),
                        "it is followed by '" + phase.next() + "', but no phase has that key."));
            }
        }
        if (nextUsable) {
            progressionProblems(content, problems);
        }
        return problems;
    }

    private static void phaseProblems(int p, Phase phase, String where, List<TemplateProblem> problems) {
        String name = phase.name() == null ? "" : phase.name().strip();
        if (name.isEmpty()) {
            problems.add(new TemplateProblem(p + 1, 0, 0, where, "give the phase a name."));
        } else if (name.length() > MAX_PHASE_NAME) {
            problems.add(new TemplateProblem(
                    p + 1,
                    0,
                    0,
                    where,
                    "the name is " + name.length() + " characters; keep it to " + MAX_PHASE_NAME + "."));
        }
        if (phase.goal().length() > MAX_PHASE_TEXT) {
            problems.add(new TemplateProblem(
                    p + 1, 0, 0, where, "the goal is longer than " + MAX_PHASE_TEXT + " characters."));
        }
        if (phase.entryCriteria().length() > MAX_PHASE_TEXT) {
            problems.add(new TemplateProblem(
                    p + 1, 0, 0, where, "the entry criteria are longer than " + MAX_PHASE_TEXT + " characters."));
        }
        ExitCriteria exit = phase.exit();
        if (exit.calmWeeks() < 1 || exit.calmWeeks() > 12) {
            problems.add(new TemplateProblem(
                    p + 1, 0, 0, where, "calm weeks to move on must be 1 to 12, not " + exit.calmWeeks() + "."));
        }
        if (exit.maxPain() < 0 || exit.maxPain() > 10) {
            problems.add(new TemplateProblem(
                    p + 1, 0, 0, where, "the highest pain to move on must be 0 to 10, not " + exit.maxPain() + "."));
        }
        if (exit.minCompletionPercent() < 0 || exit.minCompletionPercent() > 100) {
            problems.add(new TemplateProblem(
                    p + 1,
                    0,
                    0,
                    where,
                    "the share of sessions done to move on must be 0 to 100 %, not " + exit.minCompletionPercent()
                            + "."));
        }
        if (phase.weeks().isEmpty()) {
            problems.add(
                    new TemplateProblem(p + 1, 0, 0, where, "empty phase — add at least one week with a session."));
            return;
        }
        for (int w = 0; w < phase.weeks().size(); w++) {
            TemplateWeek week = phase.weeks().get(w);
            String weekWhere = where + ", week " + (w + 1);
            if (week == null || week.sessions().isEmpty()) {
                problems.add(new TemplateProblem(p + 1, w + 1, 0, weekWhere, "the week has no sessions; add one."));
                continue;
            }
            if (week.focus().length() > MAX_PHASE_TEXT) {
                problems.add(new TemplateProblem(
                        p + 1, w + 1, 0, weekWhere, "the focus is longer than " + MAX_PHASE_TEXT + " characters."));
            }
            if (week.sessions().size() > MAX_SESSIONS_PER_WEEK) {
                problems.add(new TemplateProblem(
                        p + 1,
                        w + 1,
                        0,
                        weekWhere,
                        week.sessions().size() + " sessions are too many; a week holds at most " + MAX_SESSIONS_PER_WEEK
                                + "."));
            }
            for (int s = 0; s < week.sessions().size(); s++) {
                TemplateSession session = week.sessions().get(s);
                String sessionWhere = weekWhere + ", " + sessionLabel(s, session);
                List<String> messages = session == null || session.spec() == null
                        ? List.of("the session is empty.")
                        : sessionProblems(session);
                for (String message : messages) {
                    problems.add(new TemplateProblem(p + 1, w + 1, s + 1, sessionWhere, message));
                }
            }
        }
    }

    /** The problems of one session, without where it is. */
    public static List<String> sessionProblems(TemplateSession session) {
        List<String> problems = new ArrayList<>();
        if (session.day() == null) {
            problems.add("choose a weekday.");
        }
        SessionSpec spec = session.spec();
        String title = spec.title() == null ? "" : spec.title().strip();
        if (title.isEmpty()) {
            problems.add("give the session a title.");
        } else if (title.length() > SessionSpec.MAX_TITLE) {
            problems.add("the title is " + title.length() + " characters; keep it to " + SessionSpec.MAX_TITLE + ".");
        }
        if (spec.notes().length() > SessionSpec.MAX_NOTES) {
            problems.add("the notes are " + spec.notes().length() + " characters; keep them to " + SessionSpec.MAX_NOTES
                    + ".");
        }
        switch (spec) {
            case RunSession run -> runProblems(run, problems);
            case StrengthSession strength -> strengthProblems(strength, problems);
            case CrossTrainingSession cross -> {
                if (cross.mode() == null) {
                    problems.add("choose how to cross-train (cycling, pool running, elliptical, ...).");
                }
                if (cross.durationMinutes() < 1 || cross.durationMinutes() > MAX_MINUTES) {
                    problems.add("the duration must be 1 to " + MAX_MINUTES + " minutes.");
                }
                intensityProblems(cross.intensity(), problems);
            }
            case RecoverySession recovery -> {
                Integer minutes = recovery.durationMinutes();
                if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
                    problems.add("the duration must be 1 to " + MAX_MINUTES + " minutes, or left empty.");
                }
                listProblems("form cue", recovery.formCues(), problems);
                listProblems("habit", recovery.habits(), problems);
            }
        }
        return problems;
    }

    private static void runProblems(RunSession run, List<String> problems) {
        if (run.type() == null) {
            problems.add("choose the kind of run (easy, long, speed or strides).");
        }
        Integer minutes = run.durationMinutes();
        BigDecimal km = run.distanceKm();
        if (minutes == null && km == null) {
            problems.add("give a duration or a distance.");
        }
        if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
            problems.add("the duration must be 1 to " + MAX_MINUTES + " minutes, not " + minutes + ".");
        }
        if (km != null && (km.compareTo(MIN_KM) < 0 || km.compareTo(MAX_KM) > 0)) {
            problems.add("the distance must be 0.1 to 300 km, not " + km.toPlainString() + ".");
        }
        intensityProblems(run.intensity(), problems);
        if (run.repeats() != null && run.repeats().length() > MAX_SHORT_TEXT) {
            problems.add("the repeats are longer than " + MAX_SHORT_TEXT + " characters.");
        }
    }

    private static void strengthProblems(StrengthSession strength, List<String> problems) {
        if (strength.exercises().isEmpty()) {
            problems.add("add at least one exercise.");
        }
        for (int i = 0; i < strength.exercises().size(); i++) {
            ExerciseDose dose = strength.exercises().get(i);
            if (dose == null) {
                problems.add("exercise " + (i + 1) + " is empty.");
                continue;
            }
            String name = dose.name() == null ? "" : dose.name().strip();
            String label = "exercise " + (i + 1) + (name.isEmpty() ? "" : " (" + name + ")");
            if (name.isEmpty()) {
                problems.add(label + " needs a name.");
            } else if (name.length() > SessionSpec.MAX_TITLE) {
                problems.add(label + ": the name is longer than " + SessionSpec.MAX_TITLE + " characters.");
            }
            if (dose.sets() < 1 || dose.sets() > 20) {
                problems.add(label + ": sets must be 1 to 20, not " + dose.sets() + ".");
            }
            Integer reps = dose.reps();
            Integer hold = dose.holdSeconds();
            if ((reps == null) == (hold == null)) {
                problems.add(
                        label + ": give either reps or a hold time, not " + (reps == null ? "neither" : "both") + ".");
            } else if (reps != null && (reps < 1 || reps > 100)) {
                problems.add(label + ": reps must be 1 to 100, not " + reps + ".");
            } else if (hold != null && (hold < 1 || hold > 600)) {
                problems.add(label + ": a hold must be 1 to 600 seconds, not " + hold + ".");
            }
            if (dose.load() != null && dose.load().length() > MAX_SHORT_TEXT) {
                problems.add(label + ": the load is longer than " + MAX_SHORT_TEXT + " characters.");
            }
            if (dose.tempo() != null && dose.tempo().length() > MAX_SHORT_TEXT) {
                problems.add(label + ": the tempo is longer than " + MAX_SHORT_TEXT + " characters.");
            }
        }
    }

    private static void intensityProblems(@Nullable Intensity intensity, List<String> problems) {
        if (intensity == null || intensity.scale() == null) {
            problems.add("give an intensity (RPE, heart-rate zone or pace).");
            return;
        }
        String value = intensity.value() == null ? "" : intensity.value().strip();
        if (value.isEmpty()) {
            problems.add("give the intensity a value, e.g. RPE \"3-4\" or zone \"2\".");
        } else if (value.length() > MAX_INTENSITY) {
            problems.add("the intensity is " + value.length() + " characters; keep it to " + MAX_INTENSITY + ".");
        }
    }

    private static void listProblems(String what, List<String> entries, List<String> problems) {
        if (entries.size() > MAX_LIST_ENTRIES) {
            problems.add("at most " + MAX_LIST_ENTRIES + " " + what + "s, not " + entries.size() + ".");
        }
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                problems.add("a " + what + " is empty.");
            } else if (entry.length() > MAX_LIST_ENTRY) {
                problems.add("a " + what + " is longer than " + MAX_LIST_ENTRY + " characters.");
            }
        }
    }

    /** From the first phase, the progression must visit every phase once and end. */
    private static void progressionProblems(TemplateContent content, List<TemplateProblem> problems) {
        List<Phase> phases = content.phases();
        Set<String> visited = new LinkedHashSet<>();
        List<String> path = new ArrayList<>();
        String current = phases.getFirst().key();
        while (current != null) {
            if (!visited.add(current)) {
                List<String> loop = path.subList(path.indexOf(current), path.size());
                problems.add(TemplateProblem.ofTemplate("The progression goes round in a circle: "
                        + String.join(" → ", names(content, loop)) + " → " + name(content, current)
                        + ". Make one phase the last (no next phase)."));
                return;
            }
            path.add(current);
            current = content.phaseAfter(current).map(Phase::key).orElse(null);
        }
        Set<String> unreachable = new LinkedHashSet<>();
        for (Phase phase : phases) {
            if (!visited.contains(phase.key())) {
                unreachable.add(phase.key());
            }
        }
        if (!unreachable.isEmpty()) {
            problems.add(TemplateProblem.ofTemplate("No client would reach "
                    + String.join(", ", names(content, new ArrayList<>(unreachable)))
                    + ": following the progression from the first phase never gets there. Point a phase's"
                    + " next to it, or remove it."));
        }
    }

    private static List<String> names(TemplateContent content, List<String> keys) {
        return keys.stream().map(key -> name(content, key)).toList();
    }

    private static String name(TemplateContent content, String key) {
        return content.phase(key).map(p -> "“" + p.name() + "”").orElse(key);
    }

    static String phaseLabel(int index, Phase phase) {
        String name = phase.name() == null ? "" : phase.name().strip();
        return "Phase " + (index + 1) + (name.isEmpty() ? "" : " “" + name + "”");
    }

    private static String sessionLabel(int index, @Nullable TemplateSession session) {
        if (session == null || session.day() == null) {
            return "session " + (index + 1);
        }
        String day = session.day().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String title = session.spec() == null || session.spec().title() == null
                ? ""
                : session.spec().title().strip();
        return day + (title.isEmpty() ? "" : " “" + title + "”");
    }

    /** The phase keys of a content, to find unused ones for new phases. */
    static Set<String> keys(TemplateContent content) {
        Set<String> keys = new HashSet<>();
        content.phases().forEach(p -> keys.add(p.key()));
        return keys;
    }
}
