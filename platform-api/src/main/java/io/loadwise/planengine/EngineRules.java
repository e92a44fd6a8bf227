package io.loadwise.planengine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A business's plan-engine rules, stored as one JSON document ({@code plan_rules}); without one
 * the platform defaults of the pain-monitoring model apply. Codes are kept as written so that
 * {@link RulesValidation} can name every unknown one with its field path; a saved document has
 * passed validation, so the engine never meets a rule it cannot evaluate.
 *
 * @param mode {@code automatic}: changes apply at once; {@code propose}: they wait for a coach
 */
public record EngineRules(
        @Nullable String mode,
        @Nullable PainZones painZones,
        @Nullable List<Trigger> triggers,
        @Nullable DialBack dialBack,
        @Nullable Progression progression,
        @Nullable Flags flags) {

    /**
     * The pain-monitoring model (Silbernagel 2007): 0-2 safe, 3-5 acceptable, above 5 too much.
     *
     * <p>Rising stiffness counts from a rise of 2 points: the 0-10 scale is a self-rating, and a
     * 1-point change from one morning to the next is within how people rate the same stiffness on
     * different days; two points is a change they notice.
     */
    public static final EngineRules DEFAULTS = new EngineRules(
            "propose",
            new PainZones(2, 5),
            List.of(
                    new Trigger("pain_during", ">", 5),
                    new Trigger("morning_pain_above_baseline", ">", 0),
                    new Trigger("stiffness_rise", ">=", 2)),
            new DialBack(7, 30, "easy_run"),
            new Progression(2, 2, 80),
            new Flags(5, 2, 4));

    public EngineRules {
        // Not List.copyOf: a null entry must reach validation to be reported, not fail here.
        triggers = triggers == null ? null : Collections.unmodifiableList(new ArrayList<>(triggers));
    }

    /** Pain 0..safeMax is safe, up to acceptableMax acceptable, above it too much. */
    public record PainZones(
            @Nullable Integer safeMax, @Nullable Integer acceptableMax) {}

    /** Dial back when {@code metric comparison threshold}, e.g. {@code pain_during > 5}. */
    public record Trigger(
            @Nullable String metric,
            @Nullable String comparison,
            @Nullable Integer threshold) {

        public TriggerMetric metricValue() {
            return TriggerMetric.ofCode(String.valueOf(metric)).orElseThrow();
        }

        public Comparison comparisonValue() {
            return Comparison.ofSymbol(String.valueOf(comparison)).orElseThrow();
        }
    }

    /**
     * How to dial back, for {@code days} days from tomorrow.
     *
     * @param speedSwap what speed and strides runs become: {@code easy_run} or {@code cross_training}
     */
    public record DialBack(
            @Nullable Integer days,
            @Nullable Integer runVolumeCutPercent,
            @Nullable String speedSwap) {}

    /** When to move on to the next phase, unless the phase sets its own exit criteria. */
    public record Progression(
            @Nullable Integer calmWeeks,
            @Nullable Integer maxPain,
            @Nullable Integer minCompletionPercent) {}

    /**
     * When to raise roster flags.
     *
     * @param painSpikeThreshold a check-in's worst pain above it raises a pain spike
     * @param missedSessions this many missed sessions in 7 days raise a flag
     * @param noCheckInDays this many days without a check-in on an active plan raise a flag
     */
    public record Flags(
            @Nullable Integer painSpikeThreshold,
            @Nullable Integer missedSessions,
            @Nullable Integer noCheckInDays) {}

    /** The mode; only call on validated rules. */
    public EngineMode modeValue() {
        return EngineMode.fromCode(String.valueOf(mode));
    }

    public SpeedSwap speedSwapValue() {
        return SpeedSwap.fromCode(String.valueOf(dialBack == null ? null : dialBack.speedSwap()));
    }
}
