package io.loadwise.plans;

import java.util.List;

/** Loading work: isometric, eccentric, heavy slow resistance, energy storage, glutes and core. */
public record StrengthSession(String title, List<ExerciseDose> exercises, String notes) implements SessionSpec {

    public StrengthSession {
        exercises = exercises == null ? List.of() : List.copyOf(exercises);
        notes = notes == null ? "" : notes;
    }

    @Override
    public SessionKind kind() {
        return SessionKind.STRENGTH;
    }
}
