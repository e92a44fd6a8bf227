package io.loadwise.plans;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One exercise of a strength session: sets of reps, or sets of holds (isometrics).
 *
 * @param exerciseId the library exercise, when it came from the library; the name is kept as well,
 *     so a plan reads the same after the library entry is renamed or archived
 * @param load e.g. "bodyweight", "20 kg", "RPE 7"
 * @param tempo e.g. "3-0-3" (eccentric-pause-concentric seconds)
 */
public record ExerciseDose(
        @Nullable UUID exerciseId,
        String name,
        int sets,
        @Nullable Integer reps,
        @Nullable Integer holdSeconds,
        @Nullable String load,
        @Nullable String tempo) {

    @Override
    public String toString() {
        String dose = sets + " × " + (holdSeconds != null ? holdSeconds + " s hold" : reps + "");
        return name + " " + dose + (load == null || load.isBlank() ? "" : " @ " + load)
                + (tempo == null || tempo.isBlank() ? "" : ", tempo " + tempo);
    }
}
