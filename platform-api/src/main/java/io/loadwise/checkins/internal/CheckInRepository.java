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
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
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

    private static @Nullable Integer toInt(@Nullable Short value) {
        return value == null ? null : value.intValue();
    }
}
