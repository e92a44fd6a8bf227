package io.loadwise.plans;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A loading phase, e.g. isometrics and pain control.
 *
 * @param key stable id within the template (lower-case letters, digits, dashes), referenced by
 *     {@code next} and by a plan's current phase
 * @param entryCriteria what should hold before starting, for the coach (free text)
 * @param exit when the engine moves the client on
 * @param next the key of the phase that follows; null: the next phase in the list (none after the last)
 */
public record Phase(
        String key,
        String name,
        String goal,
        String entryCriteria,
        ExitCriteria exit,
        @Nullable String next,
        List<TemplateWeek> weeks) {

    public Phase {
        goal = goal == null ? "" : goal;
        entryCriteria = entryCriteria == null ? "" : entryCriteria;
        exit = exit == null ? ExitCriteria.DEFAULT : exit;
        weeks = weeks == null ? List.of() : List.copyOf(weeks);
    }
}
