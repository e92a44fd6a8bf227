package io.loadwise.ui.templates;

import io.loadwise.plans.CrossTrainingMode;
import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.IntensityScale;
import io.loadwise.plans.RecoverySession;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.SessionKind;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateCondition;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;

/** Words for the plan vocabulary, as coaches read it. */
final class Labels {

    private Labels() {}

    static String condition(TemplateCondition condition) {
        return switch (condition) {
            case HAMSTRING -> "Hamstring";
            case ACHILLES -> "Achilles";
            case PATELLAR -> "Patellar";
            case GENERAL -> "General";
            case ONBOARDING -> "Onboarding";
        };
    }

    static String kind(SessionKind kind) {
        return switch (kind) {
            case RUN -> "Run";
            case STRENGTH -> "Strength";
            case CROSS_TRAINING -> "Cross-training";
            case RECOVERY -> "Recovery";
        };
    }

    static String runType(RunType type) {
        return switch (type) {
            case EASY -> "Easy";
            case LONG -> "Long";
            case SPEED -> "Speed";
            case STRIDES -> "Strides";
        };
    }

    static String mode(CrossTrainingMode mode) {
        return switch (mode) {
            case CYCLING -> "Cycling";
            case POOL_RUNNING -> "Pool running";
            case ELLIPTICAL -> "Elliptical";
            case SWIMMING -> "Swimming";
            case ROWING -> "Rowing";
        };
    }

    static String scale(IntensityScale scale) {
        return switch (scale) {
            case RPE -> "RPE";
            case HR_ZONE -> "Heart-rate zone";
            case PACE -> "Pace";
        };
    }

    static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    static String shortDay(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    /** One line about a session for a calendar cell, e.g. "Easy run · 30 min · RPE 3-4". */
    static String summary(SessionSpec spec) {
        return spec.title() + " · "
                + switch (spec) {
                    case RunSession run ->
                        (run.durationMinutes() != null ? run.durationMinutes() + " min" : run.distanceKm() + " km")
                                + (run.repeats() == null || run.repeats().isBlank() ? "" : " · " + run.repeats())
                                + " · " + run.intensity();
                    case StrengthSession strength ->
                        strength.exercises().size() + " exercise"
                                + (strength.exercises().size() == 1 ? "" : "s");
                    case CrossTrainingSession cross ->
                        mode(cross.mode()) + " " + cross.durationMinutes() + " min · " + cross.intensity();
                    case RecoverySession recovery ->
                        (recovery.durationMinutes() == null ? "" : recovery.durationMinutes() + " min ") + "recovery";
                };
    }

    /** The exercises of a strength session, one line each. */
    static String exercises(StrengthSession strength) {
        return strength.exercises().stream().map(Object::toString).collect(Collectors.joining("\n"));
    }
}
