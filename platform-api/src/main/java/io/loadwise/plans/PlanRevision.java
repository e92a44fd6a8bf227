package io.loadwise.plans;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One numbered change of a plan, with the reason people read.
 *
 * @param createdBy the member who made it; null for the engine and billing
 */
public record PlanRevision(
        PlanId planId,
        int revision,
        RevisionKind kind,
        RevisionSource source,
        String reason,
        List<SessionChange> changes,
        @Nullable UUID sourceEventId,
        @Nullable UUID createdBy,
        Instant createdAt) {

    public PlanRevision {
        changes = List.copyOf(changes);
    }
}
