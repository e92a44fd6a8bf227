package io.loadwise.exercises;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An exercise of a business's library.
 *
 * @param defaultDosage what a coach prescribes unless they say otherwise, e.g. "5 × 45 s hold"
 * @param defaultKey the platform default it was copied from; null for a coach's own exercise
 * @param version the ETag of edits
 */
public record Exercise(
        ExerciseId id,
        String name,
        ExerciseCategory category,
        ExerciseTarget target,
        String defaultDosage,
        String cues,
        @Nullable String videoUrl,
        @Nullable String defaultKey,
        boolean archived,
        int version,
        Instant updatedAt) {}
