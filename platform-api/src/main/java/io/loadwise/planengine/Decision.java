package io.loadwise.planengine;

import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.SessionChange;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the engine decided for a plan, with the reason the coach and the client read.
 *
 * @param newPhase for a progression, the phase the plan moves into
 */
public record Decision(
        Outcome outcome,
        List<SessionChange> changes,
        String reason,
        @Nullable String newPhase) {

    public Decision {
        changes = List.copyOf(changes);
    }

    public static Decision none(String why) {
        return new Decision(Outcome.NONE, List.of(), why, null);
    }

    public boolean changesPlan() {
        return outcome != Outcome.NONE && !changes.isEmpty();
    }

    public enum Outcome {
        NONE,
        DIAL_BACK,
        PROGRESSION;

        public RevisionKind revisionKind() {
            return switch (this) {
                case DIAL_BACK -> RevisionKind.DIAL_BACK;
                case PROGRESSION -> RevisionKind.PROGRESSION;
                case NONE -> RevisionKind.HOLD;
            };
        }
    }
}
