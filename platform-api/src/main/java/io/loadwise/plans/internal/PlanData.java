package io.loadwise.plans.internal;

import static io.loadwise.jooq.Tables.CALENDAR_FEEDS;
import static io.loadwise.jooq.Tables.CLIENT_PLANS;
import static io.loadwise.jooq.Tables.COACH_TASKS;

import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.PlanRevision;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.SessionChange;
import io.loadwise.plans.SessionSpec;
import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The client's training plans — every plan with its dated sessions and the revisions that changed
 * them, with reasons — plus the tasks coaches got about her and her calendar feeds (without secrets).
 * Erasure deletes the plans (their sessions, revisions, proposals and logs go with them), feeds and tasks.
 */
@Component
class PlanData implements PersonalData {

    private final DSLContext db;
    private final PlanStore store;

    PlanData(DSLContext db, PlanStore store) {
        this.db = db;
        this.store = store;
    }

    @Override
    public String category() {
        return "trainingPlans";
    }

    @Override
    public int order() {
        return 72;
    }

    @Override
    public Object export(ClientId client) {
        List<PlanExport> plans = store.plansOf(client).stream()
                .map(plan -> new PlanExport(
                        plan,
                        store.snapshot(plan.id()).orElseThrow().sessions().stream()
                                .map(SessionExport::of)
                                .toList(),
                        store.revisions(plan.id()).stream()
                                .map(RevisionExport::of)
                                .toList()))
                .toList();
        List<Map<String, Object>> tasks = db.selectFrom(COACH_TASKS)
                .where(COACH_TASKS.CLIENT_ID.eq(client.value()))
                .orderBy(COACH_TASKS.CREATED_AT)
                .fetch(r -> Map.<String, Object>of(
                        "title", r.getTitle(),
                        "status", r.getStatus(),
                        "createdAt", r.getCreatedAt().toInstant()));
        List<Map<String, Object>> feeds = db.selectFrom(CALENDAR_FEEDS)
                .where(CALENDAR_FEEDS.CLIENT_ID.eq(client.value()))
                .orderBy(CALENDAR_FEEDS.CREATED_AT)
                .fetch(r -> Map.<String, Object>of(
                        "createdAt", r.getCreatedAt().toInstant(), "revoked", r.getRevokedAt() != null));
        return Map.of("plans", plans, "coachTasks", tasks, "calendarFeeds", feeds);
    }

    @Override
    public int erase(ClientId client) {
        int feeds = db.deleteFrom(CALENDAR_FEEDS)
                .where(CALENDAR_FEEDS.CLIENT_ID.eq(client.value()))
                .execute();
        int tasks = db.deleteFrom(COACH_TASKS)
                .where(COACH_TASKS.CLIENT_ID.eq(client.value()))
                .execute();
        // Sessions, revisions, proposals and session logs are deleted with their plan (ON DELETE CASCADE).
        int plans = db.deleteFrom(CLIENT_PLANS)
                .where(CLIENT_PLANS.CLIENT_ID.eq(client.value()))
                .execute();
        return feeds + tasks + plans;
    }

    record PlanExport(ClientPlan plan, List<SessionExport> sessions, List<RevisionExport> revisions) {}

    record SessionExport(
            LocalDate date,
            String phase,
            int week,
            SessionSpec prescription,
            String status,
            @Nullable Integer changedInRevision,
            @Nullable String changeReason) {
        static SessionExport of(PlanSession s) {
            return new SessionExport(
                    s.date(),
                    s.phaseKey(),
                    s.weekNumber(),
                    s.spec(),
                    s.status().code(),
                    s.changedInRevision(),
                    s.changeReason());
        }
    }

    record RevisionExport(
            int revision, String kind, String source, String reason, Instant createdAt, List<SessionChange> changes) {
        static RevisionExport of(PlanRevision r) {
            return new RevisionExport(
                    r.revision(), r.kind().code(), r.source().code(), r.reason(), r.createdAt(), r.changes());
        }
    }
}
