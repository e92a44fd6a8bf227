package io.loadwise.exercises;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** The loading stage an exercise belongs to (isometric first, energy storage last). */
public enum ExerciseCategory {
    ISOMETRIC("Isometric"),
    ECCENTRIC("Eccentric"),
    HEAVY_SLOW_RESISTANCE("Heavy slow resistance"),
    ENERGY_STORAGE("Energy storage"),
    GLUTES_CORE("Glutes & core"),
    MOBILITY("Mobility");

    private final String label;

    ExerciseCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @JsonValue
    public String code() {
        return Codes.of(this);
    }

    @JsonCreator
    public static ExerciseCategory fromCode(String code) {
        return Codes.parse(ExerciseCategory.class, code, "exercise category");
    }
}
