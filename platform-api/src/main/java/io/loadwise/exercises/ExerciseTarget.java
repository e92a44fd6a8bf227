package io.loadwise.exercises;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.loadwise.shared.Codes;

/** The tendon or body region an exercise loads. */
public enum ExerciseTarget {
    HAMSTRING("Hamstring"),
    ACHILLES("Achilles"),
    PATELLAR("Patellar"),
    GLUTE("Glute"),
    CORE("Core"),
    CALF("Calf"),
    HIP("Hip"),
    QUADRICEPS("Quadriceps"),
    FULL_BODY("Full body");

    private final String label;

    ExerciseTarget(String label) {
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
    public static ExerciseTarget fromCode(String code) {
        return Codes.parse(ExerciseTarget.class, code, "exercise target");
    }
}
