package io.loadwise.plans.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.COACH_TASKS;

import io.loadwise.plans.CoachTask;
import io.loadwise.plans.PlanId;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Work the platform created for coaches. Row level security scopes every statement to the tenant. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class CoachTaskRepository {

    private final DSLContext db;
    private final Clock clock;

    CoachTaskRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Adds the task unless one of the same kind already exists for {@code sourceRef} (a redelivered
     * billing event); either way returns the task.
     */
    public CoachTask insertOnce(
            ClientId client,
            @Nullable UUID assignee,
            String kind,
            String title,
            @Nullable PlanId plan,
            String sourceRef) {
        db.insertInto(COACH_TASKS)
                .set(COACH_TASKS.TENANT_ID, TenantContext.require().value())
                .set(COACH_TASKS.ID, Ids.newId(clock))
                .set(COACH_TASKS.CLIENT_ID, client.value())
                .set(COACH_TASKS.ASSIGNEE_ID, assignee)
                .set(COACH_TASKS.KIND, kind)
                .set(COACH_TASKS.TITLE, title)
                .set(COACH_TASKS.PLAN_ID, plan == null ? null : plan.value())
                .set(COACH_TASKS.SOURCE_REF, sourceRef)
                .set(COACH_TASKS.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        return bySource(kind, sourceRef).orElseThrow();
    }

    public Optional<CoachTask> bySource(String kind, String sourceRef) {
        return select(COACH_TASKS.KIND.eq(kind).and(COACH_TASKS.SOURCE_REF.eq(sourceRef))).stream()
                .findFirst();
    }

    public Optional<CoachTask> find(UUID id) {
        return select(COACH_TASKS.ID.eq(id)).stream().findFirst();
    }

    /**
     * Open tasks, oldest first: of the clients {@code coach} leads or co-coaches, or all of them
     * (the owner) when {@code coach} is null.
     */
    public List<CoachTask> open(@Nullable UUID coach) {
        Condition condition = COACH_TASKS.STATUS.eq("open");
        if (coach != null) {
            condition = condition.and(CLIENTS.COACH_ID
                    .eq(coach)
                    .or(DSL.exists(DSL.selectOne()
                            .from(CLIENT_COACHES)
                            .where(CLIENT_COACHES.CLIENT_ID.eq(COACH_TASKS.CLIENT_ID))
                            .and(CLIENT_COACHES.COACH_ID.eq(coach)))));
        }
        return select(condition);
    }

    public boolean markDone(UUID id) {
        return db.update(COACH_TASKS)
                        .set(COACH_TASKS.STATUS, "done")
                        .set(COACH_TASKS.DONE_AT, clock.instant().atOffset(ZoneOffset.UTC))
                        .where(COACH_TASKS.ID.eq(id))
                        .and(COACH_TASKS.STATUS.eq("open"))
                        .execute()
                == 1;
    }

    private List<CoachTask> select(Condition condition) {
        return db.select(COACH_TASKS.fields())
                .select(CLIENTS.DISPLAY_NAME)
                .from(COACH_TASKS)
                .join(CLIENTS)
                .on(CLIENTS.TENANT_ID.eq(COACH_TASKS.TENANT_ID), CLIENTS.ID.eq(COACH_TASKS.CLIENT_ID))
                .where(condition)
                .orderBy(COACH_TASKS.CREATED_AT, COACH_TASKS.ID)
                .fetch(CoachTaskRepository::toTask);
    }

    private static CoachTask toTask(Record r) {
        UUID plan = r.get(COACH_TASKS.PLAN_ID);
        Instant done = r.get(COACH_TASKS.DONE_AT) == null
                ? null
                : r.get(COACH_TASKS.DONE_AT).toInstant();
        return new CoachTask(
                r.get(COACH_TASKS.ID),
                new ClientId(r.get(COACH_TASKS.CLIENT_ID)),
                r.get(CLIENTS.DISPLAY_NAME),
                r.get(COACH_TASKS.ASSIGNEE_ID),
                r.get(COACH_TASKS.KIND),
                r.get(COACH_TASKS.TITLE),
                plan == null ? null : new PlanId(plan),
                r.get(COACH_TASKS.SOURCE_REF),
                "done".equals(r.get(COACH_TASKS.STATUS)),
                r.get(COACH_TASKS.CREATED_AT).toInstant(),
                done);
    }
}
