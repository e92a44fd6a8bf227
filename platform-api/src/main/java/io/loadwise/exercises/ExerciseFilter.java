package io.loadwise.exercises;

import org.jspecify.annotations.Nullable;

/**
 * Which exercises to list; null fields don't filter.
 *
 * @param text matched case-insensitively against name and cues
 */
public record ExerciseFilter(
        @Nullable ExerciseCategory category,
        @Nullable ExerciseTarget target,
        @Nullable String text) {

    public static final ExerciseFilter ALL = new ExerciseFilter(null, null, null);
}
