package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.AUDIT_LOG;

import io.loadwise.privacy.AuditEntry;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's append-only audit log (the application role may only insert and read it). */
@Repository
public class AuditLogRepository {

    private final DSLContext db;
    private final Clock clock;

    AuditLogRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(
            UUID actorId,
            String actorRole,
            String action,
            @Nullable UUID subject,
            @Nullable String reason,
            @Nullable String detailJson) {
        db.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.TENANT_ID, TenantContext.require().value())
                .set(AUDIT_LOG.ID, Ids.newId(clock))
                .set(AUDIT_LOG.AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(AUDIT_LOG.ACTOR_ID, actorId)
                .set(AUDIT_LOG.ACTOR_ROLE, actorRole)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.SUBJECT_ID, subject)
                .set(AUDIT_LOG.REASON, reason)
                .set(AUDIT_LOG.DETAIL, detailJson == null ? null : JSONB.valueOf(detailJson))
                .execute();
    }

    /** Newest first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AuditEntry> latest(int limit) {
        return db.selectFrom(AUDIT_LOG)
                .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetch(r -> new AuditEntry(
                        r.getId(),
                        r.getAt().toInstant(),
                        r.getActorId(),
                        r.getActorRole(),
                        r.getAction(),
                        r.getSubjectId(),
                        r.getReason(),
                        r.getDetail() == null ? null : r.getDetail().data()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int countAbout(UUID subject) {
        return db.fetchCount(AUDIT_LOG, AUDIT_LOG.SUBJECT_ID.eq(subject));
    }
}
