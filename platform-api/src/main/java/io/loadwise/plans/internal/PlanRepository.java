package io.loadwise.plans.internal;

import static io.loadwise.jooq.Tables.CLIENT_PLANS;
import static io.loadwise.jooq.Tables.PLAN_REVISIONS;
import static io.loadwise.jooq.Tables.PLAN_SESSIONS;

import io.loadwise.jooq.tables.records.ClientPlansRecord;
import io.loadwise.jooq.tables.records.PlanRevisionsRecord;
import io.loadwise.jooq.tables.records.PlanSessionsRecord;
import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.PlanId;
import io.loadwise.plans.PlanRevision;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.plans.PlanStatus;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.RevisionSource;
import io.loadwise.plans.ScheduledSession;
import io.loadwise.plans.SessionChange;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.SessionStatus;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateId;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Codes;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client plans, their dated sessions and revisions. Row level security scopes every statement to
 * the transaction's tenant; inserts take the tenant from the same binding.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class PlanRepository {

    private static final TypeReference<List<SessionChange>> CHANGES = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;

    PlanRepository(DSLContext db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public PlanId insertPlan(
            ClientId client,
            @Nullable TemplateId template,
            String name,
            TemplateContent content,
            LocalDate start,
            LocalDate end,
            PlanStatus status,
            String firstPhase,
            @Nullable UUID createdBy) {
        PlanId id = new PlanId(Ids.newId(clock));
        OffsetDateTime now = now();
        db.insertInto(CLIENT_PLANS)
                .set(CLIENT_PLANS.TENANT_ID, TenantContext.require().value())
                .set(CLIENT_PLANS.ID, id.value())
                .set(CLIENT_PLANS.CLIENT_ID, client.value())
                .set(CLIENT_PLANS.TEMPLATE_ID, template == null ? null : template.value())
                .set(CLIENT_PLANS.NAME, name)
                .set(CLIENT_PLANS.CONTENT, JSONB.valueOf(json.writeValueAsString(content)))
                .set(CLIENT_PLANS.START_DATE, start)
                .set(CLIENT_PLANS.END_DATE, end)
                .set(CLIENT_PLANS.STATUS, Codes.of(status))
                .set(CLIENT_PLANS.CURRENT_PHASE, firstPhase)
                .set(CLIENT_PLANS.PHASE_STARTED_ON, start)
                .set(CLIENT_PLANS.REVISION, 0)
                .set(CLIENT_PLANS.CREATED_BY, createdBy)
                .set(CLIENT_PLANS.CREATED_AT, now)
                .set(CLIENT_PLANS.UPDATED_AT, now)
                .execute();
        return id;
    }

    public void insertSessions(PlanId plan, ClientId client, List<ScheduledSession> sessions, int revision) {
        if (sessions.isEmpty()) {
            return;
        }
        UUID tenant = TenantContext.require().value();
        var insert = db.insertInto(
                PLAN_SESSIONS,
                PLAN_SESSIONS.TENANT_ID,
                PLAN_SESSIONS.ID,
                PLAN_SESSIONS.PLAN_ID,
                PLAN_SESSIONS.CLIENT_ID,
                PLAN_SESSIONS.ON_DATE,
                PLAN_SESSIONS.POSITION,
                PLAN_SESSIONS.PHASE_KEY,
                PLAN_SESSIONS.WEEK_NUMBER,
                PLAN_SESSIONS.KIND,
                PLAN_SESSIONS.SPEC,
                PLAN_SESSIONS.CHANGED_IN_REVISION);
        for (ScheduledSession session : sessions) {
            insert = insert.values(
                    tenant,
                    Ids.newId(clock),
                    plan.value(),
                    client.value(),
                    session.date(),
                    (short) session.position(),
                    session.phaseKey(),
                    (short) session.weekNumber(),
                    Codes.of(session.spec().kind()),
                    spec(session.spec()),
                    revision == 0 ? null : revision);
        }
        insert.execute();
    }

    public Optional<ClientPlan> find(PlanId id, boolean lock) {
        var query = db.selectFrom(CLIENT_PLANS).where(CLIENT_PLANS.ID.eq(id.value()));
        return (lock ? query.forUpdate().fetchOptional() : query.fetchOptional()).map(PlanRepository::toPlan);
    }

    /** The client's active or paused plan. */
    public Optional<ClientPlan> current(ClientId client) {
        return db.selectFrom(CLIENT_PLANS)
                .where(CLIENT_PLANS.CLIENT_ID.eq(client.value()))
                .and(CLIENT_PLANS.STATUS.in("active", "paused"))
                .fetchOptional()
                .map(PlanRepository::toPlan);
    }

    public List<ClientPlan> plansOf(ClientId client) {
        return db.selectFrom(CLIENT_PLANS)
                .where(CLIENT_PLANS.CLIENT_ID.eq(client.value()))
                .orderBy(CLIENT_PLANS.CREATED_AT.desc())
                .fetch(PlanRepository::toPlan);
    }

    public TemplateContent content(PlanId id) {
        JSONB content = db.select(CLIENT_PLANS.CONTENT)
                .from(CLIENT_PLANS)
                .where(CLIENT_PLANS.ID.eq(id.value()))
                .fetchSingle(CLIENT_PLANS.CONTENT);
        return json.readValue(content.data(), TemplateContent.class);
    }

    public List<PlanSession> sessions(PlanId plan) {
        return db.selectFrom(PLAN_SESSIONS)
                .where(PLAN_SESSIONS.PLAN_ID.eq(plan.value()))
                .orderBy(PLAN_SESSIONS.ON_DATE, PLAN_SESSIONS.POSITION, PLAN_SESSIONS.ID)
                .fetch(this::toSession);
    }

    public Optional<PlanSession> session(PlanSessionId id) {
        return db.selectFrom(PLAN_SESSIONS)
                .where(PLAN_SESSIONS.ID.eq(id.value()))
                .fetchOptional(this::toSession);
    }

    public Optional<ClientId> clientOfSession(PlanSessionId id) {
        return db.select(PLAN_SESSIONS.CLIENT_ID)
                .from(PLAN_SESSIONS)
                .where(PLAN_SESSIONS.ID.eq(id.value()))
                .fetchOptional(r -> new ClientId(r.value1()));
    }

    public void changeSession(PlanSessionId id, SessionSpec spec, int revision, String reason) {
        db.update(PLAN_SESSIONS)
                .set(PLAN_SESSIONS.SPEC, spec(spec))
                .set(PLAN_SESSIONS.KIND, Codes.of(spec.kind()))
                .set(PLAN_SESSIONS.CHANGED_IN_REVISION, revision)
                .set(PLAN_SESSIONS.CHANGE_REASON, reason)
                .where(PLAN_SESSIONS.ID.eq(id.value()))
                .execute();
    }

    public void cancelSession(PlanSessionId id, int revision, String reason) {
        db.update(PLAN_SESSIONS)
                .set(PLAN_SESSIONS.STATUS, Codes.of(SessionStatus.CANCELLED))
                .set(PLAN_SESSIONS.CHANGED_IN_REVISION, revision)
                .set(PLAN_SESSIONS.CHANGE_REASON, reason)
                .where(PLAN_SESSIONS.ID.eq(id.value()))
                .execute();
    }

    public void addSession(
            PlanId plan,
            ClientId client,
            LocalDate date,
            String phaseKey,
            int weekNumber,
            SessionSpec spec,
            int revision,
            String reason) {
        Integer position = db.select(
                        org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.max(PLAN_SESSIONS.POSITION), (short) -1))
                .from(PLAN_SESSIONS)
                .where(PLAN_SESSIONS.PLAN_ID.eq(plan.value()))
                .and(PLAN_SESSIONS.ON_DATE.eq(date))
                .fetchSingle(r -> r.value1().intValue());
        db.insertInto(PLAN_SESSIONS)
                .set(PLAN_SESSIONS.TENANT_ID, TenantContext.require().value())
                .set(PLAN_SESSIONS.ID, Ids.newId(clock))
                .set(PLAN_SESSIONS.PLAN_ID, plan.value())
                .set(PLAN_SESSIONS.CLIENT_ID, client.value())
                .set(PLAN_SESSIONS.ON_DATE, date)
                .set(PLAN_SESSIONS.POSITION, (short) (position + 1))
                .set(PLAN_SESSIONS.PHASE_KEY, phaseKey)
                .set(PLAN_SESSIONS.WEEK_NUMBER, (short) weekNumber)
                .set(PLAN_SESSIONS.KIND, Codes.of(spec.kind()))
                .set(PLAN_SESSIONS.SPEC, spec(spec))
                .set(PLAN_SESSIONS.CHANGED_IN_REVISION, revision)
                .set(PLAN_SESSIONS.CHANGE_REASON, reason)
                .execute();
    }

    /** Sets what became of a session; returns false when there is no such session. */
    public boolean setSessionStatus(PlanSessionId id, SessionStatus status) {
        return db.update(PLAN_SESSIONS)
                        .set(PLAN_SESSIONS.STATUS, Codes.of(status))
                        .where(PLAN_SESSIONS.ID.eq(id.value()))
                        .execute()
                == 1;
    }

    public boolean hasRevisionFor(PlanId plan, UUID sourceEventId) {
        return db.fetchExists(
                PLAN_REVISIONS,
                PLAN_REVISIONS.PLAN_ID.eq(plan.value()).and(PLAN_REVISIONS.SOURCE_EVENT_ID.eq(sourceEventId)));
    }

    public void insertRevision(PlanRevision revision) {
        db.insertInto(PLAN_REVISIONS)
                .set(PLAN_REVISIONS.TENANT_ID, TenantContext.require().value())
                .set(PLAN_REVISIONS.PLAN_ID, revision.planId().value())
                .set(PLAN_REVISIONS.REVISION, revision.revision())
                .set(PLAN_REVISIONS.KIND, Codes.of(revision.kind()))
                .set(PLAN_REVISIONS.SOURCE, Codes.of(revision.source()))
                .set(PLAN_REVISIONS.REASON, revision.reason())
                .set(PLAN_REVISIONS.CHANGES, JSONB.valueOf(json.writeValueAsString(revision.changes())))
                .set(PLAN_REVISIONS.SOURCE_EVENT_ID, revision.sourceEventId())
                .set(PLAN_REVISIONS.CREATED_BY, revision.createdBy())
                .set(PLAN_REVISIONS.CREATED_AT, revision.createdAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** Moves the plan to {@code revision}, with its phase and status as given (null: unchanged). */
    public void advance(
            PlanId plan,
            int revision,
            @Nullable String phase,
            @Nullable LocalDate phaseStartedOn,
            @Nullable PlanStatus status,
            LocalDate endDate) {
        var update = db.update(CLIENT_PLANS)
                .set(CLIENT_PLANS.REVISION, revision)
                .set(CLIENT_PLANS.END_DATE, endDate)
                .set(CLIENT_PLANS.UPDATED_AT, now());
        if (phase != null && phaseStartedOn != null) {
            update = update.set(CLIENT_PLANS.CURRENT_PHASE, phase).set(CLIENT_PLANS.PHASE_STARTED_ON, phaseStartedOn);
        }
        if (status != null) {
            update = update.set(CLIENT_PLANS.STATUS, Codes.of(status));
        }
        update.where(CLIENT_PLANS.ID.eq(plan.value())).execute();
    }

    public List<PlanRevision> revisions(PlanId plan) {
        return db.selectFrom(PLAN_REVISIONS)
                .where(PLAN_REVISIONS.PLAN_ID.eq(plan.value()))
                .orderBy(PLAN_REVISIONS.REVISION.desc())
                .fetch(this::toRevision);
    }

    public Optional<PlanRevision> revision(PlanId plan, int revision) {
        return db.selectFrom(PLAN_REVISIONS)
                .where(PLAN_REVISIONS.PLAN_ID.eq(plan.value()))
                .and(PLAN_REVISIONS.REVISION.eq(revision))
                .fetchOptional(this::toRevision);
    }

    private JSONB spec(SessionSpec spec) {
        // Written as the interface type, so the document carries its "kind".
        return JSONB.valueOf(json.writerFor(SessionSpec.class).writeValueAsString(spec));
    }

    private PlanSession toSession(PlanSessionsRecord r) {
        return new PlanSession(
                new PlanSessionId(r.getId()),
                new PlanId(r.getPlanId()),
                r.getOnDate(),
                r.getPosition(),
                r.getPhaseKey(),
                r.getWeekNumber(),
                json.readValue(r.getSpec().data(), SessionSpec.class),
                SessionStatus.fromCode(r.getStatus()),
                r.getChangedInRevision(),
                r.getChangeReason());
    }

    private PlanRevision toRevision(PlanRevisionsRecord r) {
        return new PlanRevision(
                new PlanId(r.getPlanId()),
                r.getRevision(),
                RevisionKind.fromCode(r.getKind()),
                RevisionSource.fromCode(r.getSource()),
                r.getReason(),
                json.readValue(r.getChanges().data(), CHANGES),
                r.getSourceEventId(),
                r.getCreatedBy(),
                r.getCreatedAt().toInstant());
    }

    private static ClientPlan toPlan(ClientPlansRecord r) {
        return new ClientPlan(
                new PlanId(r.getId()),
                new ClientId(r.getClientId()),
                r.getTemplateId() == null ? null : new TemplateId(r.getTemplateId()),
                r.getName(),
                r.getStartDate(),
                r.getEndDate(),
                PlanStatus.fromCode(r.getStatus()),
                r.getCurrentPhase(),
                r.getPhaseStartedOn(),
                r.getBaselineMorningPain() == null
                        ? null
                        : r.getBaselineMorningPain().intValue(),
                r.getRevision(),
                r.getCreatedAt().toInstant(),
                r.getUpdatedAt().toInstant());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
