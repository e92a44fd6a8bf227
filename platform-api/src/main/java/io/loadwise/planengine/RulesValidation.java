package io.loadwise.planengine;

import io.loadwise.planengine.EngineRules.Trigger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks a rules document before it is saved: everything the engine later evaluates must be
 * known and inside its range, so a rule never fails at run time.
 */
public final class RulesValidation {

    public static final int MAX_TRIGGERS = 20;

    private RulesValidation() {}

    /** Every problem of the document, with its field path; empty when it can be saved. */
    public static List<RuleProblem> problems(EngineRules rules) {
        List<RuleProblem> problems = new ArrayList<>();
        if (rules.mode() == null) {
            problems.add(new RuleProblem("mode", "Choose a mode: automatic or propose."));
        } else if (Arrays.stream(EngineMode.values()).noneMatch(m -> m.code().equals(rules.mode()))) {
            problems.add(new RuleProblem("mode", "'" + rules.mode() + "' is not a mode; use automatic or propose."));
        }
        zones(rules, problems);
        triggers(rules, problems);
        dialBack(rules, problems);
        progression(rules, problems);
        flags(rules, problems);
        return List.copyOf(problems);
    }

    /** @throws InvalidRulesException listing every problem */
    public static EngineRules requireValid(EngineRules rules) {
        List<RuleProblem> problems = problems(rules);
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(problems);
        }
        return rules;
    }

    private static void zones(EngineRules rules, List<RuleProblem> problems) {
        var zones = rules.painZones();
        if (zones == null) {
            problems.add(new RuleProblem("painZones", "Set the pain zones (safeMax and acceptableMax)."));
            return;
        }
        boolean safeOk = range(problems, "painZones.safeMax", zones.safeMax(), 0, 10);
        boolean acceptableOk = range(problems, "painZones.acceptableMax", zones.acceptableMax(), 0, 10);
        if (safeOk && acceptableOk && zones.safeMax() >= zones.acceptableMax()) {
            problems.add(new RuleProblem(
                    "painZones.acceptableMax",
                    "The acceptable zone must end above the safe zone (safeMax " + zones.safeMax() + " < acceptableMax "
                            + zones.acceptableMax() + ")."));
        }
    }

    private static void triggers(EngineRules rules, List<RuleProblem> problems) {
        List<Trigger> triggers = rules.triggers();
        if (triggers == null || triggers.isEmpty()) {
            problems.add(
                    new RuleProblem("triggers", "Add at least one dial-back trigger, or the engine never dials back."));
            return;
        }
        if (triggers.size() > MAX_TRIGGERS) {
            problems.add(new RuleProblem("triggers", "At most " + MAX_TRIGGERS + " triggers."));
        }
        Set<Trigger> seen = new HashSet<>();
        for (int i = 0; i < triggers.size(); i++) {
            String path = "triggers[" + i + "]";
            Trigger trigger = triggers.get(i);
            if (trigger == null) {
                problems.add(new RuleProblem(path, "Empty trigger."));
                continue;
            }
            var metric = TriggerMetric.ofCode(String.valueOf(trigger.metric()));
            if (metric.isEmpty()) {
                problems.add(new RuleProblem(
                        path + ".metric",
                        "'" + trigger.metric() + "' is not a metric; use one of "
                                + Arrays.stream(TriggerMetric.values())
                                        .map(TriggerMetric::code)
                                        .toList()
                                + "."));
            } else {
                range(
                        problems,
                        path + ".threshold",
                        trigger.threshold(),
                        metric.get().min(),
                        metric.get().max());
            }
            if (Comparison.ofSymbol(String.valueOf(trigger.comparison())).isEmpty()) {
                problems.add(new RuleProblem(
                        path + ".comparison", "'" + trigger.comparison() + "' is not a comparison; use > or >=."));
            }
            if (!seen.add(trigger)) {
                problems.add(new RuleProblem(path, "The same trigger is listed twice."));
            }
        }
    }

    private static void dialBack(EngineRules rules, List<RuleProblem> problems) {
        var dialBack = rules.dialBack();
        if (dialBack == null) {
            problems.add(new RuleProblem("dialBack", "Set how to dial back (days, runVolumeCutPercent, speedSwap)."));
            return;
        }
        range(problems, "dialBack.days", dialBack.days(), 1, 28);
        range(problems, "dialBack.runVolumeCutPercent", dialBack.runVolumeCutPercent(), 0, 90);
        if (Arrays.stream(SpeedSwap.values()).noneMatch(s -> s.code().equals(dialBack.speedSwap()))) {
            problems.add(new RuleProblem(
                    "dialBack.speedSwap",
                    "'" + dialBack.speedSwap() + "' is not a speed swap; use easy_run or cross_training."));
        }
    }

    private static void progression(EngineRules rules, List<RuleProblem> problems) {
        var progression = rules.progression();
        if (progression == null) {
            problems.add(
                    new RuleProblem("progression", "Set when to progress (calmWeeks, maxPain, minCompletionPercent)."));
            return;
        }
        range(problems, "progression.calmWeeks", progression.calmWeeks(), 1, 12);
        range(problems, "progression.maxPain", progression.maxPain(), 0, 10);
        range(problems, "progression.minCompletionPercent", progression.minCompletionPercent(), 0, 100);
    }

    private static void flags(EngineRules rules, List<RuleProblem> problems) {
        var flags = rules.flags();
        if (flags == null) {
            problems.add(new RuleProblem(
                    "flags", "Set when to flag clients (painSpikeThreshold, missedSessions, noCheckInDays)."));
            return;
        }
        // A spike is pain above the threshold, so 10 could never be exceeded.
        range(problems, "flags.painSpikeThreshold", flags.painSpikeThreshold(), 0, 9);
        range(problems, "flags.missedSessions", flags.missedSessions(), 1, 7);
        range(problems, "flags.noCheckInDays", flags.noCheckInDays(), 1, 60);
    }

    /** @return whether the value is there and in range */
    private static boolean range(List<RuleProblem> problems, String field, @Nullable Integer value, int min, int max) {
        if (value == null) {
            problems.add(new RuleProblem(field, "Enter a whole number from " + min + " to " + max + "."));
            return false;
        }
        if (value < min || value > max) {
            problems.add(new RuleProblem(field, "Must be between " + min + " and " + max + " (was " + value + ")."));
            return false;
        }
        return true;
    }
}
