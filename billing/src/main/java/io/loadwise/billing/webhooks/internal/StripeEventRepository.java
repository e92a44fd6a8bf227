package io.loadwise.billing.webhooks.internal;

import static io.loadwise.jooq.Tables.AUDIT_LOG;
import static io.loadwise.jooq.Tables.STRIPE_EVENTS;
import static org.jooq.impl.DSL.count;

import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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

/** The webhook inbox ({@code stripe_events}: platform-level, no tenant, no RLS). */
@Repository
public class StripeEventRepository {

    public static final String PENDING = "pending";
    public static final String PROCESSED = "processed";
    public static final String IGNORED = "ignored";
    public static final String FLAGGED = "flagged";
    public static final String FAILED = "failed";

    private static final int MAX_ERROR = 2000;

    private final DSLContext db;
    private final Clock clock;

    StripeEventRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Stores a verified event once; @return false when its id was stored before (a repeat). */
    @Transactional
    public boolean insert(
            String id,
            String endpoint,
            String type,
            @Nullable String account,
            boolean livemode,
            @Nullable String apiVersion,
            @Nullable String objectId,
            Instant created,
            String payload) {
        OffsetDateTime now = now();
        return db.insertInto(STRIPE_EVENTS)
                        .set(STRIPE_EVENTS.ID, id)
                        .set(STRIPE_EVENTS.ENDPOINT, endpoint)
                        .set(STRIPE_EVENTS.TYPE, type)
                        .set(STRIPE_EVENTS.ACCOUNT, account)
                        .set(STRIPE_EVENTS.LIVEMODE, livemode)
                        .set(STRIPE_EVENTS.API_VERSION, apiVersion)
                        .set(STRIPE_EVENTS.OBJECT_ID, objectId)
                        .set(STRIPE_EVENTS.CREATED, created.atOffset(ZoneOffset.UTC))
                        .set(STRIPE_EVENTS.PAYLOAD, payload)
                        .set(STRIPE_EVENTS.RECEIVED_AT, now)
                        .set(STRIPE_EVENTS.STATUS, PENDING)
                        .set(STRIPE_EVENTS.ATTEMPTS, 0)
                        .set(STRIPE_EVENTS.NEXT_ATTEMPT_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /**
     * Claims up to {@code limit} due events, skipping those another instance holds, by moving their
     * next attempt past the lease: a short transaction, processing happens outside it.
     */
    @Transactional
    public List<StoredStripeEvent> claimDue(int limit, Duration lease) {
        OffsetDateTime now = now();
        var due = db.select(STRIPE_EVENTS.ID)
                .from(STRIPE_EVENTS)
                .where(STRIPE_EVENTS.STATUS.eq(PENDING))
                .and(STRIPE_EVENTS.NEXT_ATTEMPT_AT.le(now))
                .orderBy(STRIPE_EVENTS.NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return db.update(STRIPE_EVENTS)
                .set(STRIPE_EVENTS.NEXT_ATTEMPT_AT, now.plus(lease))
                .where(STRIPE_EVENTS.ID.in(due))
                .returning(
                        STRIPE_EVENTS.ID,
                        STRIPE_EVENTS.ENDPOINT,
                        STRIPE_EVENTS.TYPE,
                        STRIPE_EVENTS.ACCOUNT,
                        STRIPE_EVENTS.LIVEMODE,
                        STRIPE_EVENTS.OBJECT_ID,
                        STRIPE_EVENTS.CREATED,
                        STRIPE_EVENTS.PAYLOAD,
                        STRIPE_EVENTS.ATTEMPTS)
                .fetch(r -> new StoredStripeEvent(
                        r.getId(),
                        r.getEndpoint(),
                        r.getType(),
                        r.getAccount(),
                        r.getLivemode(),
                        r.getObjectId(),
                        r.getCreated().toInstant(),
                        r.getPayload(),
                        r.getAttempts()));
    }

    /** Ends an event's processing: processed, ignored or flagged (with why). */
    @Transactional
    public void finish(String id, String status, @Nullable String reason) {
        db.update(STRIPE_EVENTS)
                .set(STRIPE_EVENTS.STATUS, status)
                .set(STRIPE_EVENTS.PROCESSED_AT, now())
                .set(STRIPE_EVENTS.LAST_ERROR, truncate(reason))
                .where(STRIPE_EVENTS.ID.eq(id))
                .execute();
    }

    /** A failed attempt: back in the queue at {@code nextAttempt}, or failed for good when null. */
    @Transactional
    public void attemptFailed(String id, int attempts, @Nullable Instant nextAttempt, String error) {
        db.update(STRIPE_EVENTS)
                .set(STRIPE_EVENTS.ATTEMPTS, attempts)
                .set(STRIPE_EVENTS.STATUS, nextAttempt == null ? FAILED : PENDING)
                .set(STRIPE_EVENTS.NEXT_ATTEMPT_AT, nextAttempt == null ? now() : nextAttempt.atOffset(ZoneOffset.UTC))
                .set(STRIPE_EVENTS.LAST_ERROR, truncate(error))
                .where(STRIPE_EVENTS.ID.eq(id))
                .execute();
    }

    /** Failed and flagged events, newest first. */
    @Transactional(readOnly = true)
    public List<Record> problems(int limit) {
        return List.copyOf(db.select(
                        STRIPE_EVENTS.ID,
                        STRIPE_EVENTS.TYPE,
                        STRIPE_EVENTS.ENDPOINT,
                        STRIPE_EVENTS.ACCOUNT,
                        STRIPE_EVENTS.STATUS,
                        STRIPE_EVENTS.ATTEMPTS,
                        STRIPE_EVENTS.LAST_ERROR,
                        STRIPE_EVENTS.RECEIVED_AT)
                .from(STRIPE_EVENTS)
                .where(STRIPE_EVENTS.STATUS.in(FAILED, FLAGGED))
                .orderBy(STRIPE_EVENTS.RECEIVED_AT.desc(), STRIPE_EVENTS.ID.desc())
                .limit(limit)
                .fetch());
    }

    @Transactional(readOnly = true)
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of(PENDING, PROCESSED, IGNORED, FLAGGED, FAILED)) {
            counts.put(status, 0L);
        }
        db.select(STRIPE_EVENTS.STATUS, count())
                .from(STRIPE_EVENTS)
                .groupBy(STRIPE_EVENTS.STATUS)
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    /** Type, account and status of an event, e.g. to audit a replay in the right tenant. */
    @Transactional(readOnly = true)
    public Optional<StoredStripeEventView> view(String id) {
        return db.select(STRIPE_EVENTS.ID, STRIPE_EVENTS.TYPE, STRIPE_EVENTS.ACCOUNT, STRIPE_EVENTS.STATUS)
                .from(STRIPE_EVENTS)
                .where(STRIPE_EVENTS.ID.eq(id))
                .fetchOptional(r -> new StoredStripeEventView(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Back to the queue, due now, with its attempts reset. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean requeue(String id) {
        return db.update(STRIPE_EVENTS)
                        .set(STRIPE_EVENTS.STATUS, PENDING)
                        .set(STRIPE_EVENTS.ATTEMPTS, 0)
                        .set(STRIPE_EVENTS.NEXT_ATTEMPT_AT, now())
                        .set(STRIPE_EVENTS.PROCESSED_AT, (OffsetDateTime) null)
                        .where(STRIPE_EVENTS.ID.eq(id))
                        .execute()
                == 1;
    }

    /** An entry in the bound tenant's audit log (the same log break-glass access writes to). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void audit(UUID actorId, String actorRole, String action, @Nullable String reason, String detailJson) {
        db.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.TENANT_ID, TenantContext.require().value())
                .set(AUDIT_LOG.ID, Ids.newId(clock))
                .set(AUDIT_LOG.AT, now())
                .set(AUDIT_LOG.ACTOR_ID, actorId)
                .set(AUDIT_LOG.ACTOR_ROLE, actorRole)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.REASON, reason)
                .set(AUDIT_LOG.DETAIL, JSONB.valueOf(detailJson))
                .execute();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static @Nullable String truncate(@Nullable String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
