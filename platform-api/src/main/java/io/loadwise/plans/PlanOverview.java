package io.loadwise.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * A client's plan as coaches and the client read it: the sessions by plan week with the phase of
 * each week, and the revision history with reasons and who made each change.
 */
public record PlanOverview(
        ClientPlan plan, String currentPhaseName, List<PlanWeek> weeks, List<RevisionEntry> revisions) {

    public PlanOverview {
        weeks = List.copyOf(weeks);
        revisions = List.copyOf(revisions);
    }

    /**
     * Week {@code number} of the plan: the seven days from {@code start}.
     *
     * @param phaseName the phase of the week's sessions (of its first one; empty for a week without any)
     */
    public record PlanWeek(int number, LocalDate start, String phaseName, List<PlanSession> sessions) {
        public PlanWeek {
            sessions = List.copyOf(sessions);
        }

        public LocalDate end() {
            return start.plusDays(6);
        }
    }

    /**
     * A revision with who made it, in words: a coach's name, "the plan engine", "billing".
     */
    public record RevisionEntry(PlanRevision revision, String madeBy) {}
}
