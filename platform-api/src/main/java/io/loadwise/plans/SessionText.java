package io.loadwise.plans;

import java.util.ArrayList;
import java.util.List;

/**
 * A session's prescription in words, the same in the portal, the coach's plan view and calendar
 * apps: "Easy run · 20 min · RPE 3-4", one line per exercise.
 */
public final class SessionText {

    private SessionText() {}

    /** The prescription, one line per part; the notes last. */
    public static List<String> lines(SessionSpec spec) {
        List<String> lines = new ArrayList<>();
        switch (spec) {
            case RunSession run -> {
                List<String> parts = new ArrayList<>();
                parts.add(label(run.type().code()) + " run");
                if (run.durationMinutes() != null) {
                    parts.add(run.durationMinutes() + " min");
                }
                if (run.distanceKm() != null) {
                    parts.add(run.distanceKm().stripTrailingZeros().toPlainString() + " km");
                }
                parts.add(run.intensity().toString());
                if (run.repeats() != null && !run.repeats().isBlank()) {
                    parts.add(run.repeats());
                }
                lines.add(String.join(" · ", parts));
            }
            case StrengthSession strength -> strength.exercises().forEach(dose -> lines.add(dose.toString()));
            case CrossTrainingSession cross ->
                lines.add(label(cross.mode().code()) + " · " + cross.durationMinutes() + " min · " + cross.intensity());
            case RecoverySession recovery -> {
                if (recovery.durationMinutes() != null) {
                    lines.add(recovery.durationMinutes() + " min");
                }
                if (!recovery.formCues().isEmpty()) {
                    lines.add("Form: " + String.join("; ", recovery.formCues()));
                }
                if (!recovery.habits().isEmpty()) {
                    lines.add("Habits: " + String.join("; ", recovery.habits()));
                }
            }
        }
        if (!spec.notes().isBlank()) {
            lines.add(spec.notes().strip());
        }
        return lines;
    }

    /** A kind for people: "Run", "Strength", "Cross-training", "Recovery". */
    public static String kind(SessionKind kind) {
        return switch (kind) {
            case RUN -> "Run";
            case STRENGTH -> "Strength";
            case CROSS_TRAINING -> "Cross-training";
            case RECOVERY -> "Recovery";
        };
    }

    private static String label(String code) {
        String words = code.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
