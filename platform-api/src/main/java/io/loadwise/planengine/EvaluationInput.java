package io.loadwise.planengine;

import io.loadwise.checkins.CheckIn;
import io.loadwise.checkins.SessionLog;
import io.loadwise.plans.PlanSnapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything one evaluation looks at; nothing else is read, so the same input always gives the
 * same decision.
 *
 * @param dialBackRevisions the plan's revisions that were dial-backs: their sessions are not cut again
 * @param checkIns the client's recent check-ins (at least the progression window and the 14 days
 *     before {@code newCheckIn}), any order
 * @param newCheckIn the check-in that just arrived: only a new check-in can trigger a dial-back, so
 *     a later log or missed session never re-triggers on old symptoms
 * @param today the tenant's today: changes start tomorrow
 */
public record EvaluationInput(
        EngineRules rules,
        PlanSnapshot plan,
        Set<Integer> dialBackRevisions,
        List<CheckIn> checkIns,
        List<SessionLog> logs,
        @Nullable CheckIn newCheckIn,
        LocalDate today) {

    public EvaluationInput {
        dialBackRevisions = Set.copyOf(dialBackRevisions);
        checkIns = List.copyOf(checkIns);
        logs = List.copyOf(logs);
    }
}
