package io.loadwise.exercises;

import java.util.UUID;

/** An exercise of a business's library. */
public record ExerciseId(UUID value) {

    public ExerciseId {
        if (value == null) {
            throw new IllegalArgumentException("id must not be null");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
