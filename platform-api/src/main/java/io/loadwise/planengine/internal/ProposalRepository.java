package io.loadwise.planengine.internal;

import static io.loadwise.jooq.Tables.ADJUSTMENT_PROPOSALS;

import io.loadwise.jooq.tables.records.AdjustmentProposalsRecord;
import io.loadwise.planengine.AdjustmentProposal;
import io.loadwise.planengine.ProposalStatus;
import io.loadwise.plans.PlanId;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.SessionChange;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
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

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ProposalRepository {

    private static final TypeReference<List<SessionChange>> CHANGES = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;

    ProposalRepository(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Inserts a pending proposal; false when the event already produced one for the plan. */
    public boolean insert(AdjustmentProposal p) {
        return db.insertInto(ADJUSTMENT_PROPOSALS)
                        .set(
                                ADJUSTMENT_PROPOSALS.TENANT_ID,
                                TenantContext.require().value())
                        .set(ADJUSTMENT_PROPOSALS.ID, p.id())
                        .set(ADJUSTMENT_PROPOSALS.PLAN_ID, p.planId().value())
                        .set(ADJUSTMENT_PROPOSALS.CLIENT_ID, p.clientId().value())
                        .set(ADJUSTMENT_PROPOSALS.BASE_REVISION, p.baseRevision())
                        .set(ADJUSTMENT_PROPOSALS.KIND, p.kind().code())
                        .set(ADJUSTMENT_PROPOSALS.REASON, p.reason())
                        .set(
                                ADJUSTMENT_PROPOSALS.CHANGES,
                                JSONB.valueOf(json.writerFor(CHANGES).writeValueAsString(p.changes())))
                        .set(ADJUSTMENT_PROPOSALS.STATUS, p.status().code())
                        .set(ADJUSTMENT_PROPOSALS.SOURCE_EVENT_ID, p.sourceEventId())
                        .set(ADJUSTMENT_PROPOSALS.CREATED_AT, p.createdAt().atOffset(ZoneOffset.UTC))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Marks the plan's pending proposals superseded, except {@code keep}. */
    public int supersedePending(PlanId plan, @Nullable UUID keep, Instant at) {
        return db.update(ADJUSTMENT_PROPOSALS)
                .set(ADJUSTMENT_PROPOSALS.STATUS, ProposalStatus.SUPERSEDED.code())
                .set(ADJUSTMENT_PROPOSALS.DECIDED_AT, at.atOffset(ZoneOffset.UTC))
                .where(
                        ADJUSTMENT_PROPOSALS.PLAN_ID.eq(plan.value()),
                        ADJUSTMENT_PROPOSALS.STATUS.eq(ProposalStatus.PENDING.code()),
                        keep == null ? org.jooq.impl.DSL.trueCondition() : ADJUSTMENT_PROPOSALS.ID.ne(keep))
                .execute();
    }

    public Optional<AdjustmentProposal> find(UUID id, boolean lock) {
        var query = db.selectFrom(ADJUSTMENT_PROPOSALS).where(ADJUSTMENT_PROPOSALS.ID.eq(id));
        return (lock ? query.forUpdate() : query).fetchOptional(this::toProposal);
    }

    /** Pending proposals of these clients (all when null), oldest first. */
    public List<AdjustmentProposal> pending(@Nullable Collection<ClientId> clients) {
        var condition = ADJUSTMENT_PROPOSALS.STATUS.eq(ProposalStatus.PENDING.code());
        if (clients != null) {
            condition = condition.and(ADJUSTMENT_PROPOSALS.CLIENT_ID.in(
                    clients.stream().map(ClientId::value).toList()));
        }
        return db.selectFrom(ADJUSTMENT_PROPOSALS)
                .where(condition)
                .orderBy(ADJUSTMENT_PROPOSALS.CREATED_AT, ADJUSTMENT_PROPOSALS.ID)
                .fetch(this::toProposal);
    }

    public void decide(
            UUID id,
            ProposalStatus status,
            @Nullable UUID by,
            Instant at,
            @Nullable Integer appliedRevision,
            @Nullable String note) {
        db.update(ADJUSTMENT_PROPOSALS)
                .set(ADJUSTMENT_PROPOSALS.STATUS, status.code())
                .set(ADJUSTMENT_PROPOSALS.DECIDED_BY, by)
                .set(ADJUSTMENT_PROPOSALS.DECIDED_AT, at.atOffset(ZoneOffset.UTC))
                .set(ADJUSTMENT_PROPOSALS.APPLIED_REVISION, appliedRevision)
                .set(ADJUSTMENT_PROPOSALS.DECISION_NOTE, note)
                .where(ADJUSTMENT_PROPOSALS.ID.eq(id))
                .execute();
    }

    private AdjustmentProposal toProposal(AdjustmentProposalsRecord r) {
        return new AdjustmentProposal(
                r.getId(),
                new PlanId(r.getPlanId()),
                new ClientId(r.getClientId()),
                r.getBaseRevision(),
                RevisionKind.fromCode(r.getKind()),
                r.getReason(),
                json.readValue(r.getChanges().data(), CHANGES),
                ProposalStatus.fromCode(r.getStatus()),
                r.getSourceEventId(),
                r.getCreatedAt().toInstant(),
                r.getDecidedAt() == null ? null : r.getDecidedAt().toInstant(),
                r.getDecidedBy(),
                r.getAppliedRevision(),
                r.getDecisionNote());
    }
}
