package io.loadwise.exercises;

import org.jspecify.annotations.Nullable;

/**
 * An exercise as a coach enters it, before validation ({@link ExerciseRules}); any field may be
 * missing or wrong.
 */
public record ExerciseDraft(
        @Nullable String name,
        @Nullable ExerciseCategory category,
        @Nullable ExerciseTarget target,
        @Nullable String defaultDosage,
        @Nullable String cues,
        @Nullable String videoUrl) {}
