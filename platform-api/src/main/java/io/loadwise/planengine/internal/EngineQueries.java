package io.loadwise.planengine.internal;

import static io.loadwise.jooq.Tables.CHECK_INS;
import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.CLIENT_PLANS;
import static io.loadwise.jooq.Tables.COACH_TASKS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.PLAN_SESSIONS;

import io.loadwise.plans.PlanId;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's reads across a tenant's clients (the sweep, the dashboard). Read only: every plan
 * change goes through {@code PlanStore}.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class EngineQueries {

    /** A planned session whose day has passed. */
    public record OverdueSession(PlanSessionId id, PlanId planId, ClientId clientId, LocalDate date) {}

    /** A client on an active plan, with when it started and when they last checked in. */
    public record ActiveClient(
            ClientId clientId,
            PlanId planId,
            LocalDate planStart,
            @Nullable LocalDate lastCheckIn) {}

    /** A client the dashboard may list, with their name. */
    public record ClientName(ClientId clientId, String displayName) {}

    public record OpenTask(
            UUID id,
            ClientId clientId,
            String kind,
            String title,
            Instant createdAt,
            @Nullable LocalDate dueOn) {}

    private final DSLContext db;

    EngineQueries(DSLContext db) {
        this.db = db;
    }

    /** Planned sessions of active plans dated before {@code today}, oldest first. */
    public List<OverdueSession> overdueSessions(LocalDate today) {
        return db.select(PLAN_SESSIONS.ID, PLAN_SESSIONS.PLAN_ID, PLAN_SESSIONS.CLIENT_ID, PLAN_SESSIONS.ON_DATE)
                .from(PLAN_SESSIONS)
                .join(CLIENT_PLANS)
                .on(CLIENT_PLANS.TENANT_ID.eq(PLAN_SESSIONS.TENANT_ID), CLIENT_PLANS.ID.eq(PLAN_SESSIONS.PLAN_ID))
                .where(
                        PLAN_SESSIONS.STATUS.eq("planned"),
                        PLAN_SESSIONS.ON_DATE.lt(today),
                        CLIENT_PLANS.STATUS.eq("active"))
                .orderBy(PLAN_SESSIONS.ON_DATE, PLAN_SESSIONS.POSITION, PLAN_SESSIONS.ID)
                .fetch(r -> new OverdueSession(
                        new PlanSessionId(r.value1()), new PlanId(r.value2()), new ClientId(r.value3()), r.value4()));
    }

    /** Missed sessions per client dated {@code from} to {@code to} (inclusive). */
    public Map<ClientId, Integer> missedCounts(LocalDate from, LocalDate to) {
        return db.select(PLAN_SESSIONS.CLIENT_ID, DSL.count())
                .from(PLAN_SESSIONS)
                .where(PLAN_SESSIONS.STATUS.eq("missed"), PLAN_SESSIONS.ON_DATE.between(from, to))
                .groupBy(PLAN_SESSIONS.CLIENT_ID)
                .fetchMap(r -> new ClientId(r.value1()), r -> r.value2());
    }

    public List<ActiveClient> activeClients() {
        var last = DSL.select(DSL.max(CHECK_INS.ON_DATE))
                .from(CHECK_INS)
                .where(CHECK_INS.TENANT_ID.eq(CLIENT_PLANS.TENANT_ID), CHECK_INS.CLIENT_ID.eq(CLIENT_PLANS.CLIENT_ID))
                .asField("last_check_in");
        return db.select(CLIENT_PLANS.CLIENT_ID, CLIENT_PLANS.ID, CLIENT_PLANS.START_DATE, last)
                .from(CLIENT_PLANS)
                .where(CLIENT_PLANS.STATUS.eq("active"))
                .orderBy(CLIENT_PLANS.CLIENT_ID)
                .fetch(r -> new ActiveClient(
                        new ClientId(r.value1()), new PlanId(r.value2()), r.value3(), (LocalDate) r.value4()));
    }

    public Optional<UUID> memberIdOfUser(UUID userId) {
        return db.select(MEMBERS.ID)
                .from(MEMBERS)
                .where(MEMBERS.USER_ID.eq(userId))
                .fetchOptional(MEMBERS.ID);
    }

    /**
     * The clients a coach may see: all of the tenant's for its owner (null member), else those
     * they lead or co-coach. Erased clients are left out.
     */
    public List<ClientName> visibleClients(@Nullable UUID coachMember) {
        var condition = CLIENTS.ERASED_AT.isNull();
        if (coachMember != null) {
            condition = condition.and(CLIENTS.COACH_ID
                    .eq(coachMember)
                    .or(DSL.exists(DSL.selectOne()
                            .from(CLIENT_COACHES)
                            .where(
                                    CLIENT_COACHES.TENANT_ID.eq(CLIENTS.TENANT_ID),
                                    CLIENT_COACHES.CLIENT_ID.eq(CLIENTS.ID),
                                    CLIENT_COACHES.COACH_ID.eq(coachMember)))));
        }
        return db.select(CLIENTS.ID, CLIENTS.DISPLAY_NAME)
                .from(CLIENTS)
                .where(condition)
                .fetch(r -> new ClientName(new ClientId(r.value1()), r.value2()));
    }

    public List<OpenTask> openTasks() {
        return db.selectFrom(COACH_TASKS)
                .where(COACH_TASKS.STATUS.eq("open"))
                .orderBy(COACH_TASKS.CREATED_AT)
                .fetch(r -> new OpenTask(
                        r.getId(),
                        new ClientId(r.getClientId()),
                        r.getKind(),
                        r.getTitle(),
                        r.getCreatedAt().toInstant(),
                        r.getDueOn()));
    }
}
