package io.loadwise.planengine;

import io.loadwise.planengine.internal.EngineQueries.OpenTask;
import io.loadwise.roster.ClientFlag;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.List;

/**
 * A client who needs the coach's attention, with everything that asks for it.
 *
 * @param severity the highest of its flags (pain spike 3, missed sessions 2, no check-in 1), a
 *     pending dial-back (3), a pending progression (2) and an open task (1)
 * @param since when the oldest of them began: the longer, the more urgent at equal severity
 */
public record AttentionItem(
        ClientId clientId,
        String clientName,
        int severity,
        Instant since,
        List<ClientFlag> flags,
        List<AdjustmentProposal> proposals,
        List<CoachTask> tasks) {

    /** Work the platform created for a coach (e.g. build a bought plan). */
    public record CoachTask(java.util.UUID id, String kind, String title, Instant createdAt) {
        static CoachTask of(OpenTask task) {
            return new CoachTask(task.id(), task.kind(), task.title(), task.createdAt());
        }
    }
}
