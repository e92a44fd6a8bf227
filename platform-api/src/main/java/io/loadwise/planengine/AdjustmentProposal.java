package io.loadwise.planengine;

import io.loadwise.plans.PlanId;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.SessionChange;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change the engine would make to a plan, waiting for a coach (engine mode "propose").
 *
 * @param baseRevision the plan revision it was computed from: it can be approved only while the
 *     plan is still at it (its ETag)
 * @param sourceEventId the event that caused it; the approved revision carries it too
 */
public record AdjustmentProposal(
        UUID id,
        PlanId planId,
        ClientId clientId,
        int baseRevision,
        RevisionKind kind,
        String reason,
        List<SessionChange> changes,
        ProposalStatus status,
        UUID sourceEventId,
        Instant createdAt,
        @Nullable Instant decidedAt,
        @Nullable UUID decidedBy,
        @Nullable Integer appliedRevision,
        @Nullable String decisionNote) {

    public AdjustmentProposal {
        changes = List.copyOf(changes);
    }

    /** For a progression: the phase its added sessions belong to. */
    public @Nullable String newPhase() {
        if (kind != RevisionKind.PROGRESSION) {
            return null;
        }
        return changes.stream()
                .filter(c -> c.session() == null && c.phaseKey() != null)
                .map(SessionChange::phaseKey)
                .findFirst()
                .orElse(null);
    }
}
