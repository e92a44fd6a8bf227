package io.loadwise.plans;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A dated session of a client's plan.
 *
 * @param changedInRevision the revision that last changed it; null while it is as assigned
 * @param changeReason why it was changed, for the client and coach (null while as assigned)
 */
public record PlanSession(
        PlanSessionId id,
        PlanId planId,
        LocalDate date,
        int position,
        String phaseKey,
        int weekNumber,
        SessionSpec spec,
        SessionStatus status,
        @Nullable Integer changedInRevision,
        @Nullable String changeReason) {}
