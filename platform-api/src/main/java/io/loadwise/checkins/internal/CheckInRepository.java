package io.loadwise.checkins.internal;

import static io.loadwise.jooq.Tables.CHECK_INS;
import static io.loadwise.jooq.Tables.PLAN_SESSIONS;
import static io.loadwise.jooq.Tables.SESSION_LOGS;

import io.loadwise.checkins.CheckIn;
import io.loadwise.checkins.LoggedLoad;
import io.loadwise.checkins.SessionLog;
import io.loadwise.checkins.SessionOutcome;
import io.loadwise.jooq.tables.records.CheckInsRecord;
import io.loadwise.plans.PlanId;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Check-ins and session logs. Row level security scopes every statement to the transaction's tenant. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class CheckInRepository {

    private static final TypeReference<List<LoggedLoad>> LOADS = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;

    CheckInRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The client's check-ins dated {@code from} to {@code to} (inclusive), oldest first. */
    public List<CheckIn> checkIns(ClientId client, LocalDate from, LocalDate to) {
        return db.selectFrom(CHECK_INS)
                .where(CHECK_INS.CLIENT_ID.eq(client.value()))
                .and(CHECK_INS.ON_DATE.between(from, to))
                .orderBy(CHECK_INS.ON_DATE, CHECK_INS.RECORDED_AT, CHECK_INS.ID)
                .fetch(CheckInRepository::toCheckIn);
    }

    /** The client's logs of sessions planned {@code from} to {@code to} (inclusive), by session date. */
    public List<SessionLog> logs(ClientId client, LocalDate from, LocalDate to) {
        return db.select(SESSION_LOGS.asterisk(), PLAN_SESSIONS.ON_DATE)
                .from(SESSION_LOGS)
                .join(PLAN_SESSIONS)
                .on(PLAN_SESSIONS.TENANT_ID.eq(SESSION_LOGS.TENANT_ID), PLAN_SESSIONS.ID.eq(SESSION_LOGS.SESSION_ID))
                .where(SESSION_LOGS.CLIENT_ID.eq(client.value()))
                .and(PLAN_SESSIONS.ON_DATE.between(from, to))
                .orderBy(PLAN_SESSIONS.ON_DATE, SESSION_LOGS.LOGGED_AT)
                .fetch(this::toLog);
    }

    /** The log of a session, locked for the rest of the transaction when there is one. */
    public Optional<SessionLog> logOfSession(PlanSessionId session) {
        return db.select(SESSION_LOGS.asterisk(), PLAN_SESSIONS.ON_DATE)
                .from(SESSION_LOGS)
                .join(PLAN_SESSIONS)
                .on(PLAN_SESSIONS.TENANT_ID.eq(SESSION_LOGS.TENANT_ID), PLAN_SESSIONS.ID.eq(SESSION_LOGS.SESSION_ID))
                .where(SESSION_LOGS.SESSION_ID.eq(session.value()))
                .forUpdate()
                .of(SESSION_LOGS)
                .fetchOptional(this::toLog);
    }

    /** Logs of the given sessions, by session id. */
    public Map<PlanSessionId, SessionLog> logsOfSessions(Collection<PlanSessionId> sessions) {
        if (sessions.isEmpty()) {
            return Map.of();
        }
        return db.select(SESSION_LOGS.asterisk(), PLAN_SESSIONS.ON_DATE)
                .from(SESSION_LOGS)
                .join(PLAN_SESSIONS)
                .on(PLAN_SESSIONS.TENANT_ID.eq(SESSION_LOGS.TENANT_ID), PLAN_SESSIONS.ID.eq(SESSION_LOGS.SESSION_ID))
                .where(SESSION_LOGS.SESSION_ID.in(
                        sessions.stream().map(PlanSessionId::value).toList()))
                .fetchMap(r -> new PlanSessionId(r.get(SESSION_LOGS.SESSION_ID)), this::toLog);
    }

    public void insertLog(
            UUID id, ClientId client, PlanId plan, PlanSessionId session, SessionLogValues values, Instant now) {
        db.insertInto(SESSION_LOGS)
                .set(SESSION_LOGS.TENANT_ID, TenantContext.require().value())
                .set(SESSION_LOGS.ID, id)
                .set(SESSION_LOGS.CLIENT_ID, client.value())
                .set(SESSION_LOGS.PLAN_ID, plan.value())
                .set(SESSION_LOGS.SESSION_ID, session.value())
                .set(SESSION_LOGS.OUTCOME, values.outcome().code())
                .set(SESSION_LOGS.DURATION_MINUTES, toShort(values.durationMinutes()))
                .set(SESSION_LOGS.DISTANCE_KM, values.distanceKm())
                .set(SESSION_LOGS.RPE, toShort(values.rpe()))
                .set(SESSION_LOGS.LOADS, JSONB.valueOf(json.writeValueAsString(values.loads())))
                .set(SESSION_LOGS.NOTES, values.notes())
                .set(SESSION_LOGS.LOGGED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .set(SESSION_LOGS.UPDATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute();
    }

    /** Replaces a log's values when it is still at {@code version}; false when it is not. */
    public boolean updateLog(UUID id, int version, SessionLogValues values, Instant now) {
        return db.update(SESSION_LOGS)
                        .set(SESSION_LOGS.OUTCOME, values.outcome().code())
                        .set(SESSION_LOGS.DURATION_MINUTES, toShort(values.durationMinutes()))
                        .set(SESSION_LOGS.DISTANCE_KM, values.distanceKm())
                        .set(SESSION_LOGS.RPE, toShort(values.rpe()))
                        .set(SESSION_LOGS.LOADS, JSONB.valueOf(json.writeValueAsString(values.loads())))
                        .set(SESSION_LOGS.NOTES, values.notes())
                        .set(SESSION_LOGS.UPDATED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .set(SESSION_LOGS.VERSION, SESSION_LOGS.VERSION.plus(1))
                        .where(SESSION_LOGS.ID.eq(id))
                        .and(SESSION_LOGS.VERSION.eq(version))
                        .execute()
                == 1;
    }

    public void insertCheckIn(CheckIn checkIn) {
        db.insertInto(CHECK_INS)
                .set(CHECK_INS.TENANT_ID, TenantContext.require().value())
                .set(CHECK_INS.ID, checkIn.id())
                .set(CHECK_INS.CLIENT_ID, checkIn.clientId().value())
                .set(
                        CHECK_INS.PLAN_ID,
                        checkIn.planId() == null ? null : checkIn.planId().value())
                .set(
                        CHECK_INS.SESSION_ID,
                        checkIn.sessionId() == null ? null : checkIn.sessionId().value())
                .set(CHECK_INS.ON_DATE, checkIn.date())
                .set(CHECK_INS.PAIN_DURING, toShort(checkIn.painDuring()))
                .set(CHECK_INS.MORNING_PAIN, toShort(checkIn.morningPain()))
                .set(CHECK_INS.MORNING_STIFFNESS, toShort(checkIn.morningStiffness()))
                .set(CHECK_INS.PAIN_AFTER_SITTING, toShort(checkIn.painAfterSitting()))
                .set(CHECK_INS.SLEEP_HOURS, checkIn.sleepHours())
                .set(CHECK_INS.NOTES, checkIn.notes())
                .set(CHECK_INS.RECORDED_AT, OffsetDateTime.ofInstant(checkIn.recordedAt(), ZoneOffset.UTC))
                .execute();
    }

    /** Every check-in of the client, oldest first (for her data export). */
    public List<CheckIn> allCheckIns(ClientId client) {
        return checkIns(client, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
    }

    /** Every session log of the client, by session date (for her data export). */
    public List<SessionLog> allLogs(ClientId client) {
        return logs(client, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 12, 31));
    }

    /** Removes the client's check-ins and session logs; returns how many rows went. */
    public int eraseAll(ClientId client) {
        return db.deleteFrom(CHECK_INS)
                        .where(CHECK_INS.CLIENT_ID.eq(client.value()))
                        .execute()
                + db.deleteFrom(SESSION_LOGS)
                        .where(SESSION_LOGS.CLIENT_ID.eq(client.value()))
                        .execute();
    }

    public static CheckIn toCheckIn(CheckInsRecord r) {
        return new CheckIn(
                r.getId(),
                new ClientId(r.getClientId()),
                r.getPlanId() == null ? null : new PlanId(r.getPlanId()),
                r.getSessionId() == null ? null : new PlanSessionId(r.getSessionId()),
                r.getOnDate(),
                toInt(r.getPainDuring()),
                toInt(r.getMorningPain()),
                toInt(r.getMorningStiffness()),
                toInt(r.getPainAfterSitting()),
                r.getSleepHours(),
                r.getNotes(),
                r.getRecordedAt().toInstant());
    }

    public SessionLog toLog(Record r) {
        return new SessionLog(
                r.get(SESSION_LOGS.ID),
                new ClientId(r.get(SESSION_LOGS.CLIENT_ID)),
                new PlanId(r.get(SESSION_LOGS.PLAN_ID)),
                new PlanSessionId(r.get(SESSION_LOGS.SESSION_ID)),
                r.get(PLAN_SESSIONS.ON_DATE),
                SessionOutcome.fromCode(r.get(SESSION_LOGS.OUTCOME)),
                toInt(r.get(SESSION_LOGS.DURATION_MINUTES)),
                r.get(SESSION_LOGS.DISTANCE_KM),
                toInt(r.get(SESSION_LOGS.RPE)),
                json.readValue(r.get(SESSION_LOGS.LOADS).data(), LOADS),
                r.get(SESSION_LOGS.NOTES),
                r.get(SESSION_LOGS.LOGGED_AT).toInstant(),
                r.get(SESSION_LOGS.VERSION));
    }

    private static @Nullable Short toShort(@Nullable Integer value) {
        return value == null ? null : value.shortValue();
    }

    private static @Nullable Integer toInt(@Nullable Short value) {
        return value == null ? null : value.intValue();
    }
}
