package io.loadwise.plans;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A change to apply to a plan as one new revision.
 *
 * @param basedOnRevision the revision the change was computed from: if the plan has moved on, nothing
 *     is applied and {@link io.loadwise.shared.StaleVersionException} says so
 * @param newPhase the phase the plan is in afterwards (a progression); null: unchanged
 * @param newStatus the plan's status afterwards (pause, resume); null: unchanged
 * @param sourceEventId the event that caused it: a second revision for the same event is refused
 *     (the engine's idempotency), so redelivery never revises twice
 * @param memberId who made it; null for the engine and billing
 */
public record RevisionRequest(
        PlanId plan,
        int basedOnRevision,
        RevisionKind kind,
        RevisionSource source,
        String reason,
        List<SessionChange> changes,
        @Nullable String newPhase,
        @Nullable PlanStatus newStatus,
        @Nullable UUID sourceEventId,
        @Nullable UUID memberId) {

    public static final int MAX_REASON = 2000;

    public RevisionRequest {
        changes = List.copyOf(changes);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A plan revision needs a reason people can read.");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("A revision's reason has at most " + MAX_REASON + " characters.");
        }
    }
}
