package io.loadwise.planengine;

import io.loadwise.checkins.CheckIn;
import io.loadwise.checkins.SessionLog;
import io.loadwise.checkins.SessionOutcome;
import io.loadwise.planengine.EngineRules.Trigger;
import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.CrossTrainingMode;
import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.Phase;
import io.loadwise.plans.PlanSchedule;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.ScheduledSession;
import io.loadwise.plans.SessionChange;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.SessionStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the pain-monitoring model applied to one plan: pure, no I/O, no clock — the same
 * {@link EvaluationInput} always gives the same {@link Decision}.
 *
 * <p>A dial-back ("dial back, don't stop") changes the planned sessions from tomorrow for the
 * configured days: speed and strides become easy aerobic running (or cross-training of the same
 * duration), other runs are shortened, strength holds its load, cross-training and recovery stay,
 * nothing is cancelled. A session a dial-back already changed is not cut again, so repeated
 * triggers extend the window instead of compounding the cut.
 */
public final class PlanEvaluator {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    static final String EASY_INTENSITY = "3-4";

    private static final Comparator<CheckIn> CHRONOLOGICAL = Comparator.comparing(CheckIn::date)
            .thenComparing(CheckIn::recordedAt)
            .thenComparing(CheckIn::id);

    private PlanEvaluator() {}

    public static Decision evaluate(EvaluationInput in) {
        if (in.newCheckIn() != null) {
            Optional<String> symptom = firedTrigger(in, in.newCheckIn());
            if (symptom.isPresent()) {
                return dialBack(in, symptom.get());
            }
        }
        return progression(in);
    }

    // --- dial back ---------------------------------------------------------------------------

    /** The first trigger the check-in fires, described for people; empty when none fires. */
    static Optional<String> firedTrigger(EvaluationInput in, CheckIn checkIn) {
        for (Trigger trigger : in.rules().triggers()) {
            TriggerMetric metric = trigger.metricValue();
            Comparison comparison = trigger.comparisonValue();
            Integer value = measure(in, checkIn, metric);
            if (value != null && comparison.holds(value, trigger.threshold())) {
                return Optional.of(describe(in, checkIn, metric, comparison, trigger.threshold()));
            }
        }
        return Optional.empty();
    }

    static @Nullable Integer measure(EvaluationInput in, CheckIn checkIn, TriggerMetric metric) {
        return switch (metric) {
            case PAIN_DURING -> checkIn.painDuring();
            case MORNING_PAIN -> checkIn.morningPain();
            case PAIN_AFTER_SITTING -> checkIn.painAfterSitting();
            case MORNING_PAIN_ABOVE_BASELINE ->
                checkIn.morningPain() == null ? null : checkIn.morningPain() - baseline(in, checkIn);
            case STIFFNESS_RISE -> {
                Integer previous = previousStiffness(in, checkIn);
                yield checkIn.morningStiffness() == null || previous == null
                        ? null
                        : checkIn.morningStiffness() - previous;
            }
        };
    }

    /**
     * The client's usual next-morning pain: the coach's value; else the median of the 14 days
     * before the check-in (at least 3 values, the lower middle value of an even count, so the
     * baseline never sits above what the client actually reported); else the top of the safe zone.
     */
    static int baseline(EvaluationInput in, CheckIn checkIn) {
        ClientPlan plan = in.plan().plan();
        if (plan.baselineMorningPain() != null) {
            return plan.baselineMorningPain();
        }
        LocalDate from = checkIn.date().minusDays(14);
        List<Integer> values = in.checkIns().stream()
                .filter(c -> !c.id().equals(checkIn.id()))
                .filter(c -> !c.date().isBefore(from) && c.date().isBefore(checkIn.date()))
                .map(CheckIn::morningPain)
                .filter(v -> v != null)
                .sorted()
                .toList();
        if (values.size() < 3) {
            return in.rules().painZones().safeMax();
        }
        return values.get((values.size() - 1) / 2);
    }

    private static @Nullable Integer previousStiffness(EvaluationInput in, CheckIn checkIn) {
        return in.checkIns().stream()
                .filter(c -> !c.id().equals(checkIn.id()) && c.morningStiffness() != null)
                .filter(c -> CHRONOLOGICAL.compare(c, checkIn) < 0)
                .max(CHRONOLOGICAL)
                .map(CheckIn::morningStiffness)
                .orElse(null);
    }

    private static String describe(
            EvaluationInput in, CheckIn c, TriggerMetric metric, Comparison comparison, int threshold) {
        String on = " on " + DAY.format(c.date());
        String bound = (comparison == Comparison.GREATER_THAN ? "above " : "at or above ") + threshold + "/10";
        return switch (metric) {
            case PAIN_DURING -> "Pain during activity " + c.painDuring() + "/10" + on + " is " + bound;
            case MORNING_PAIN -> "Next-morning pain " + c.morningPain() + "/10" + on + " is " + bound;
            case PAIN_AFTER_SITTING -> "Pain after sitting " + c.painAfterSitting() + "/10" + on + " is " + bound;
            case MORNING_PAIN_ABOVE_BASELINE -> {
                int usual = baseline(in, c);
                yield "Next-morning pain " + c.morningPain() + "/10" + on + " is above your usual " + usual + "/10";
            }
            case STIFFNESS_RISE ->
                "Next-morning stiffness rose from " + previousStiffness(in, c) + "/10 to " + c.morningStiffness()
                        + "/10" + on;
        };
    }

    private static Decision dialBack(EvaluationInput in, String symptom) {
        EngineRules.DialBack settings = in.rules().dialBack();
        SpeedSwap swap = in.rules().speedSwapValue();
        int cut = settings.runVolumeCutPercent();
        LocalDate from = in.today().plusDays(1);
        LocalDate to = in.today().plusDays(settings.days());
        String action = "for the next " + settings.days() + " days speed work becomes "
                + (swap == SpeedSwap.EASY_RUN ? "easy running" : "cross-training of the same duration")
                + (cut > 0 ? " and running volume is cut by " + cut + " %" : "")
                + ". Strength stays at its current load.";
        String reason = symptom + " — " + action;
        List<SessionChange> changes = new ArrayList<>();
        for (PlanSession session : in.plan().sessionsBetween(from, to)) {
            if (session.status() != SessionStatus.PLANNED) {
                continue;
            }
            if (session.changedInRevision() != null && in.dialBackRevisions().contains(session.changedInRevision())) {
                continue; // already dialled back: no compounding cuts
            }
            if (session.spec() instanceof RunSession run) {
                SessionSpec after = isFast(run) ? swapped(run, swap) : shortened(run, cut);
                if (!after.equals(run)) {
                    changes.add(SessionChange.changed(session, after));
                }
            }
        }
        if (changes.isEmpty()) {
            return Decision.none(symptom + ", but the next " + settings.days()
                    + " days are already dialled back: nothing more to change.");
        }
        return new Decision(Decision.Outcome.DIAL_BACK, changes, reason, null);
    }

    static boolean isFast(RunSession run) {
        return run.type() == RunType.SPEED || run.type() == RunType.STRIDES;
    }

    static SessionSpec swapped(RunSession run, SpeedSwap swap) {
        String note = "Dialled back from \"" + run.title() + "\": keep it easy, conversational, no surges.";
        if (swap == SpeedSwap.CROSS_TRAINING && run.durationMinutes() != null) {
            int minutes = run.durationMinutes();
            return new CrossTrainingSession(
                    "Easy cycling " + minutes + " min (or pool running, elliptical)",
                    CrossTrainingMode.CYCLING,
                    minutes,
                    Intensity.rpe(EASY_INTENSITY),
                    note);
        }
        // Without a duration, cross-training "of the same duration" is unknown: an easy run of the same distance.
        return new RunSession(
                "Easy run " + volume(run.durationMinutes(), run.distanceKm()),
                RunType.EASY,
                run.durationMinutes(),
                run.distanceKm(),
                Intensity.rpe(EASY_INTENSITY),
                null,
                note);
    }

    static RunSession shortened(RunSession run, int cutPercent) {
        if (cutPercent == 0) {
            return run;
        }
        Integer minutes = run.durationMinutes() == null
                ? null
                : Math.max(1, Math.min(run.durationMinutes(), run.durationMinutes() * (100 - cutPercent) / 100));
        BigDecimal km = run.distanceKm() == null
                ? null
                : run.distanceKm()
                        .multiply(BigDecimal.valueOf(100 - cutPercent))
                        .divide(BigDecimal.valueOf(100), 1, RoundingMode.DOWN)
                        .min(run.distanceKm());
        if (java.util.Objects.equals(minutes, run.durationMinutes())
                && (km == null ? run.distanceKm() == null : km.compareTo(run.distanceKm()) == 0)) {
            return run;
        }
        String kind = run.type() == RunType.LONG ? "Long run " : "Easy run ";
        return new RunSession(
                kind + volume(minutes, km),
                run.type(),
                minutes,
                km,
                run.intensity(),
                run.repeats(),
                ("Shortened by " + cutPercent + " % from \"" + run.title() + "\". " + run.notes()).trim());
    }

    private static String volume(@Nullable Integer minutes, @Nullable BigDecimal km) {
        if (minutes != null) {
            return minutes + " min";
        }
        return km == null ? "" : km.stripTrailingZeros().toPlainString() + " km";
    }

    // --- progression -------------------------------------------------------------------------

    /** The exit criteria in force: the phase's own, unless it just carries the platform default. */
    static ExitCriteria criteria(EngineRules rules, Phase phase) {
        if (!phase.exit().equals(ExitCriteria.DEFAULT)) {
            return phase.exit();
        }
        var p = rules.progression();
        return new ExitCriteria(p.calmWeeks(), p.maxPain(), p.minCompletionPercent());
    }

    private static Decision progression(EvaluationInput in) {
        ClientPlan plan = in.plan().plan();
        Optional<Phase> current = in.plan().content().phase(plan.currentPhase());
        if (current.isEmpty()) {
            return Decision.none("The plan's phase " + plan.currentPhase() + " is not in its document.");
        }
        Optional<Phase> next = in.plan().content().phaseAfter(current.get().key());
        if (next.isEmpty()) {
            return Decision.none("The plan is in its last phase.");
        }
        ExitCriteria exit = criteria(in.rules(), current.get());
        Optional<String> met = exitMet(in, exit);
        if (met.isEmpty()) {
            return Decision.none("The exit criteria of " + current.get().name() + " (" + exit + ") are not met yet.");
        }
        LocalDate from = in.today().plusDays(1);
        List<SessionChange> changes = new ArrayList<>();
        // The plan was laid out with every phase: the planned days ahead give way to the next
        // phase's sequence starting tomorrow, earlier than the calendar would have had it.
        for (PlanSession session : in.plan().sessions()) {
            if (session.status() == SessionStatus.PLANNED && !session.date().isBefore(from)) {
                changes.add(SessionChange.cancelled(session));
            }
        }
        int weekNumber = (int) (ChronoUnit.DAYS.between(plan.startDate(), from) / 7) + 1;
        for (ScheduledSession s :
                PlanSchedule.materialize(in.plan().content(), next.get().key(), from, weekNumber)) {
            changes.add(SessionChange.added(s.date(), s.phaseKey(), s.spec()));
        }
        String reason = met.get() + " — moving on from " + current.get().name() + " to "
                + next.get().name() + " from " + DAY.format(from) + ".";
        return new Decision(
                Decision.Outcome.PROGRESSION, changes, reason, next.get().key());
    }

    /**
     * Whether the last {@code calmWeeks} whole weeks up to today, all inside the current phase,
     * were calm: a check-in every week, no check-in's worst pain above {@code maxPain}, and at
     * least {@code minCompletionPercent} of the sessions due done or partly done.
     *
     * @return a description of what was met; empty when not met
     */
    static Optional<String> exitMet(EvaluationInput in, ExitCriteria exit) {
        LocalDate today = in.today();
        LocalDate windowStart = today.minusDays(7L * exit.calmWeeks() - 1);
        if (windowStart.isBefore(in.plan().plan().phaseStartedOn())) {
            return Optional.empty();
        }
        List<CheckIn> inWindow = in.checkIns().stream()
                .filter(c -> !c.date().isBefore(windowStart) && !c.date().isAfter(today))
                .toList();
        for (int week = 0; week < exit.calmWeeks(); week++) {
            LocalDate weekStart = windowStart.plusWeeks(week);
            LocalDate weekEnd = weekStart.plusDays(6);
            boolean checkedIn = inWindow.stream()
                    .anyMatch(c -> !c.date().isBefore(weekStart) && !c.date().isAfter(weekEnd));
            if (!checkedIn) {
                return Optional.empty();
            }
        }
        boolean calm = inWindow.stream().allMatch(c -> c.worstPain() == null || c.worstPain() <= exit.maxPain());
        if (!calm) {
            return Optional.empty();
        }
        Set<PlanSessionId> completedByLog = in.logs().stream()
                .filter(l -> l.outcome() == SessionOutcome.DONE || l.outcome() == SessionOutcome.PARTIAL)
                .map(SessionLog::sessionId)
                .collect(Collectors.toSet());
        List<PlanSession> due = in.plan().sessionsBetween(windowStart, today).stream()
                .filter(s -> s.status() != SessionStatus.CANCELLED)
                .filter(s -> s.date().isBefore(today) || s.status() != SessionStatus.PLANNED)
                .toList();
        long completed = due.stream()
                .filter(s -> s.status() == SessionStatus.DONE
                        || s.status() == SessionStatus.PARTIAL
                        || completedByLog.contains(s.id()))
                .count();
        if (due.isEmpty() || completed * 100 < (long) exit.minCompletionPercent() * due.size()) {
            return Optional.empty();
        }
        long percent = completed * 100 / due.size();
        String weeks = exit.calmWeeks() == 1 ? "One calm week" : exit.calmWeeks() + " calm weeks";
        return Optional.of(weeks + ": every check-in's pain at or below " + exit.maxPain() + "/10 and " + completed
                + " of " + due.size() + " sessions done (" + percent + " %)");
    }
}
