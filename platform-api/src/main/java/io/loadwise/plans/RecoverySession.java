package io.loadwise.plans;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Recovery and mobility: part of the plan, not an extra.
 *
 * @param formCues running form cues to practise, e.g. "short quick steps, land under the hip"
 * @param habits recovery habits, e.g. "8 h sleep", "20-30 g protein within an hour of strength work"
 */
public record RecoverySession(
        String title, @Nullable Integer durationMinutes, List<String> formCues, List<String> habits, String notes)
        implements SessionSpec {

    public RecoverySession {
        formCues = formCues == null ? List.of() : List.copyOf(formCues);
        habits = habits == null ? List.of() : List.copyOf(habits);
        notes = notes == null ? "" : notes;
    }

    @Override
    public SessionKind kind() {
        return SessionKind.RECOVERY;
    }
}
