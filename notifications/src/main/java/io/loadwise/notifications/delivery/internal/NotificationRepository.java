package io.loadwise.notifications.delivery.internal;

import static io.loadwise.jooq.Tables.AUDIT_LOG;
import static io.loadwise.jooq.Tables.NOTIFICATIONS;
import static io.loadwise.jooq.Tables.NOTIFICATION_QUEUE;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.DeliveryLog;
import io.loadwise.notifications.InboxSignal;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Recipient;
import io.loadwise.notifications.delivery.NotificationStatus;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code notifications} rows of the bound tenant (row level security) and the cross-tenant
 * {@code notification_queue} (ids only, no RLS).
 */
@Repository
public class NotificationRepository {

    private static final TypeReference<Map<String, Object>> MODEL = new TypeReference<>() {};

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;

    NotificationRepository(DSLContext db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /** A notification to store. */
    public record NewNotification(
            UUID id,
            UUID eventId,
            NotificationType type,
            Channel channel,
            Recipient recipient,
            Locale locale,
            ZoneId zone,
            Map<String, Object> model,
            String status,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastError,
            @Nullable String title,
            @Nullable String body,
            @Nullable String link,
            Instant occurredAt) {

        /** The same notification with what the inbox shows. */
        public NewNotification withContent(String title, String body, @Nullable String link) {
            return new NewNotification(
                    id,
                    eventId,
                    type,
                    channel,
                    recipient,
                    locale,
                    zone,
                    model,
                    status,
                    nextAttemptAt,
                    lastError,
                    title,
                    body,
                    link,
                    occurredAt);
        }
    }

    /** A stored notification, as the worker and the digest need it. */
    public record Stored(
            UUID id,
            TenantId tenantId,
            UUID eventId,
            NotificationType type,
            Channel channel,
            Recipient recipient,
            Locale locale,
            ZoneId zone,
            Map<String, Object> model,
            String status,
            int attempts,
            @Nullable String link,
            Instant occurredAt,
            Instant createdAt) {}

    /** A claimed queue row. */
    public record Claim(UUID notificationId, TenantId tenantId) {}

    /**
     * Stores many notifications of the bound tenant in one statement, whatever their number: each
     * column goes as one array and {@code unnest} turns the arrays into rows, so the statement (and
     * its rendering, the consumers' main cost when it was one insert per row) stays the same size.
     * Rows whose dedupe key was stored before, or earlier in the same list, are left out.
     *
     * @return the ids of the rows stored now
     */
    public Set<UUID> insertAll(List<NewNotification> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        UUID[] eventIds = new UUID[n];
        String[] types = new String[n];
        String[] channels = new String[n];
        String[] emails = new String[n];
        String[] names = new String[n];
        UUID[] members = new UUID[n];
        String[] locales = new String[n];
        String[] zones = new String[n];
        String[] models = new String[n];
        String[] statuses = new String[n];
        OffsetDateTime[] nextAttempts = new OffsetDateTime[n];
        String[] errors = new String[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        String[] links = new String[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            NewNotification row = rows.get(i);
            ids[i] = row.id();
            eventIds[i] = row.eventId();
            types[i] = row.type().key();
            channels[i] = row.channel().column();
            emails[i] = row.recipient().email();
            names[i] = truncate(row.recipient().name(), 200);
            members[i] = row.recipient().memberId();
            locales[i] = row.locale().toLanguageTag();
            zones[i] = row.zone().getId();
            models[i] = json.writeValueAsString(row.model());
            statuses[i] = row.status();
            nextAttempts[i] = odt(row.nextAttemptAt());
            errors[i] = truncate(row.lastError(), 2000);
            titles[i] = truncate(row.title(), 300);
            bodies[i] = truncate(row.body(), 2000);
            links[i] = truncate(row.link(), 1000);
            occurred[i] = odt(row.occurredAt());
        }
        return new HashSet<>(db.resultQuery(
                        """
                        insert into notifications (tenant_id, id, event_id, type, channel, recipient_email,
                            recipient_name, member_id, locale, time_zone, model, status, next_attempt_at,
                            last_error, title, body, link, occurred_at, created_at)
                        select {0}, r.id, r.event_id, r.type, r.channel, r.recipient_email, r.recipient_name,
                            r.member_id, r.locale, r.time_zone, r.model::jsonb, r.status, r.next_attempt_at,
                            r.last_error, r.title, r.body, r.link, r.occurred_at, {1}
                        from unnest({2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14},
                            {15}, {16}, {17}, {18})
                            as r(id, event_id, type, channel, recipient_email, recipient_name, member_id, locale,
                                 time_zone, model, status, next_attempt_at, last_error, title, body, link,
                                 occurred_at)
                        on conflict do nothing
                        returning id""",
                        val(TenantContext.require().value()),
                        val(now()),
                        uuids(ids),
                        uuids(eventIds),
                        texts(types),
                        texts(channels),
                        texts(emails),
                        texts(names),
                        uuids(members),
                        texts(locales),
                        texts(zones),
                        texts(models),
                        texts(statuses),
                        instants(nextAttempts),
                        texts(errors),
                        texts(titles),
                        texts(bodies),
                        texts(links),
                        instants(occurred))
                .fetch(r -> r.get(0, UUID.class)));
    }

    /** Queues mail of the bound tenant for the worker (a row queued before takes the new due time). */
    public void enqueueAll(Map<UUID, Instant> dueById) {
        if (dueById.isEmpty()) {
            return;
        }
        UUID[] ids = new UUID[dueById.size()];
        OffsetDateTime[] dues = new OffsetDateTime[dueById.size()];
        int i = 0;
        for (var due : dueById.entrySet()) {
            ids[i] = due.getKey();
            dues[i++] = odt(due.getValue());
        }
        db.query("""
                        insert into notification_queue (notification_id, tenant_id, due_at)
                        select q.id, {0}, q.due_at from unnest({1}, {2}) as q(id, due_at)
                        on conflict (notification_id) do update set due_at = excluded.due_at""", val(TenantContext.require().value()), uuids(ids), instants(dues))
                .execute();
    }

    /** Tells the web instances (after commit) that these members' inboxes changed: one signal each. */
    public void signalInboxes(Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        TenantId tenant = TenantContext.require();
        String[] payloads = memberIds.stream()
                .distinct()
                .map(member -> InboxSignal.payload(tenant, member))
                .toArray(String[]::new);
        db.resultQuery("select pg_notify({0}, p) from unnest({1}) as p", val(InboxSignal.CHANNEL), texts(payloads))
                .fetch();
    }

    private static Field<UUID[]> uuids(UUID[] values) {
        return val(values, SQLDataType.UUID.array());
    }

    private static Field<String[]> texts(String[] values) {
        return val(values, SQLDataType.CLOB.array());
    }

    private static Field<OffsetDateTime[]> instants(OffsetDateTime[] values) {
        return val(values, SQLDataType.TIMESTAMPWITHTIMEZONE.array());
    }

    /**
     * Claims up to {@code limit} due queue rows of every business, skipping rows another worker
     * holds, and leases them: their due time moves to {@code leaseUntil}, so a worker that dies
     * while sending leaves them to be retried then.
     */
    public List<Claim> claimDue(Instant now, Instant leaseUntil, int limit) {
        return db.resultQuery("""
                        update notification_queue q set due_at = {0}
                        from (select notification_id from notification_queue where due_at <= {1}
                              order by due_at limit {2} for update skip locked) c
                        where q.notification_id = c.notification_id
                        returning q.notification_id, q.tenant_id""", val(odt(leaseUntil)), val(odt(now)), val(limit))
                .fetch(r -> new Claim(r.get(0, UUID.class), new TenantId(r.get(1, UUID.class))));
    }

    public List<Stored> load(Collection<UUID> ids) {
        return db.selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.ID.eq(any(ids.toArray(UUID[]::new))))
                .fetch(this::stored);
    }

    public Optional<Stored> find(UUID id) {
        return db.selectFrom(NOTIFICATIONS).where(NOTIFICATIONS.ID.eq(id)).fetchOptional(this::stored);
    }

    public void dequeue(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            db.deleteFrom(NOTIFICATION_QUEUE)
                    .where(NOTIFICATION_QUEUE.NOTIFICATION_ID.eq(any(ids.toArray(UUID[]::new))))
                    .execute();
        }
    }

    /** One attempt's outcome, written with the others of its batch. */
    public sealed interface Outcome {
        UUID id();
    }

    public record Sent(UUID id, String subject) implements Outcome {}

    /** A retryable failure: retried at {@code retryAt}, or dead when that is null. */
    public record Failed(UUID id, String error, @Nullable Instant retryAt) implements Outcome {}

    public record Bounced(UUID id, String error) implements Outcome {}

    /** Unrenderable: dead at once, the attempt not counted as a send. */
    public record Unrenderable(UUID id, String error) implements Outcome {}

    /** Writes a batch's outcomes (the sent ones in one statement) and removes or reschedules their queue rows. */
    public void record(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        List<Query> queries = new ArrayList<>();
        List<UUID> done = new ArrayList<>();
        List<Sent> sent = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            Condition row = NOTIFICATIONS.ID.eq(outcome.id());
            switch (outcome) {
                case Sent s -> {
                    sent.add(s);
                    done.add(s.id());
                }
                case Failed failed -> {
                    boolean dead = failed.retryAt() == null;
                    queries.add(db.update(NOTIFICATIONS)
                            .set(NOTIFICATIONS.STATUS, dead ? NotificationStatus.DEAD : NotificationStatus.FAILED)
                            .set(NOTIFICATIONS.ATTEMPTS, NOTIFICATIONS.ATTEMPTS.plus(1))
                            .set(NOTIFICATIONS.NEXT_ATTEMPT_AT, odt(failed.retryAt()))
                            .set(NOTIFICATIONS.LAST_ERROR, truncate(failed.error(), 2000))
                            .where(row));
                    if (dead) {
                        done.add(failed.id());
                    } else {
                        queries.add(db.update(NOTIFICATION_QUEUE)
                                .set(NOTIFICATION_QUEUE.DUE_AT, odt(failed.retryAt()))
                                .where(NOTIFICATION_QUEUE.NOTIFICATION_ID.eq(failed.id())));
                    }
                }
                case Bounced bounced -> {
                    queries.add(db.update(NOTIFICATIONS)
                            .set(NOTIFICATIONS.STATUS, NotificationStatus.BOUNCED)
                            .set(NOTIFICATIONS.ATTEMPTS, NOTIFICATIONS.ATTEMPTS.plus(1))
                            .setNull(NOTIFICATIONS.NEXT_ATTEMPT_AT)
                            .set(NOTIFICATIONS.LAST_ERROR, truncate(bounced.error(), 2000))
                            .where(row));
                    done.add(bounced.id());
                }
                case Unrenderable unrenderable -> {
                    queries.add(db.update(NOTIFICATIONS)
                            .set(NOTIFICATIONS.STATUS, NotificationStatus.DEAD)
                            .setNull(NOTIFICATIONS.NEXT_ATTEMPT_AT)
                            .set(NOTIFICATIONS.LAST_ERROR, truncate(unrenderable.error(), 2000))
                            .where(row));
                    done.add(unrenderable.id());
                }
            }
        }
        if (!queries.isEmpty()) {
            db.batch(queries).execute(); // the few failures, one statement each
        }
        if (!sent.isEmpty()) {
            // Nearly every outcome: one statement for all of them (see insertAll). The "= any" names
            // the rows to the planner, which otherwise joins the unnest to a scan of every row.
            UUID[] ids = sent.stream().map(Sent::id).toArray(UUID[]::new);
            db.query(
                            """
                            update notifications n set status = {0}, sent_at = {1}, title = s.subject,
                                attempts = n.attempts + 1, next_attempt_at = null, last_error = null
                            from unnest({2}, {3}) as s(id, subject)
                            where n.id = s.id and n.id = any({2})""",
                            val(NotificationStatus.SENT),
                            val(now),
                            uuids(ids),
                            texts(sent.stream()
                                    .map(s -> truncate(s.subject(), 300))
                                    .toArray(String[]::new)))
                    .execute();
        }
        if (!done.isEmpty()) {
            db.query(
                            "delete from notification_queue where notification_id = any({0})",
                            uuids(done.toArray(UUID[]::new)))
                    .execute();
        }
    }

    /** A recipient's notifications waiting for their digest, oldest first. */
    public List<Stored> waitingForDigest(String email) {
        return db.selectFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.RECIPIENT_EMAIL.eq(email))
                .and(NOTIFICATIONS.STATUS.eq(NotificationStatus.DIGEST))
                .orderBy(NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.ID)
                .fetch(this::stored);
    }

    /** The gathered rows went out in the digest mail: they count as sent then. */
    public void markDigested(Collection<UUID> ids, Instant at) {
        db.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATUS, NotificationStatus.SENT)
                .set(NOTIFICATIONS.SENT_AT, odt(at))
                .where(NOTIFICATIONS.ID.eq(any(ids.toArray(UUID[]::new))))
                .and(NOTIFICATIONS.STATUS.eq(NotificationStatus.DIGEST))
                .execute();
    }

    /**
     * The gathered rows' digest mail was suppressed (the recipient switched the digest off): nothing
     * of theirs went out by mail, and the delivery log must say so. No sent time.
     */
    public void markDigestSuppressed(Collection<UUID> ids) {
        db.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATUS, NotificationStatus.SUPPRESSED)
                .setNull(NOTIFICATIONS.NEXT_ATTEMPT_AT)
                .where(NOTIFICATIONS.ID.eq(any(ids.toArray(UUID[]::new))))
                .and(NOTIFICATIONS.STATUS.eq(NotificationStatus.DIGEST))
                .execute();
    }

    /** The status of the email row stored under a dedupe key, if one was stored. */
    public Optional<String> emailStatus(UUID eventId, NotificationType type, String email) {
        return db.select(NOTIFICATIONS.STATUS)
                .from(NOTIFICATIONS)
                .where(NOTIFICATIONS.EVENT_ID.eq(eventId))
                .and(NOTIFICATIONS.TYPE.eq(type.key()))
                .and(NOTIFICATIONS.RECIPIENT_EMAIL.eq(email))
                .and(NOTIFICATIONS.CHANNEL.eq(Channel.EMAIL.column()))
                .fetchOptional(NOTIFICATIONS.STATUS);
    }

    /** The statuses a notification ends in: nothing will happen to it any more (failed aside). */
    private static final List<String> FINISHED = List.of(
            NotificationStatus.SENT,
            NotificationStatus.BOUNCED,
            NotificationStatus.SUPPRESSED,
            NotificationStatus.DEAD,
            NotificationStatus.READ,
            NotificationStatus.UNREAD);

    /**
     * Deletes up to {@code limit} of the bound tenant's finished notifications stored before {@code
     * before} (unread in-app entries that old too; failed mail only when no retry is queued), and
     * their queue rows if any.
     *
     * @return how many were deleted (less than {@code limit}: none are left)
     */
    public int deleteFinishedBefore(Instant before, int limit) {
        Condition noRetryQueued = notExists(
                selectOne().from(NOTIFICATION_QUEUE).where(NOTIFICATION_QUEUE.NOTIFICATION_ID.eq(NOTIFICATIONS.ID)));
        List<UUID> deleted = db.deleteFrom(NOTIFICATIONS)
                .where(NOTIFICATIONS.ID.in(select(NOTIFICATIONS.ID)
                        .from(NOTIFICATIONS)
                        .where(NOTIFICATIONS.CREATED_AT.lt(odt(before)))
                        .and(NOTIFICATIONS
                                .STATUS
                                .in(FINISHED)
                                .or(NOTIFICATIONS
                                        .STATUS
                                        .eq(NotificationStatus.FAILED)
                                        .and(noRetryQueued)))
                        .limit(limit)))
                .returning(NOTIFICATIONS.ID)
                .fetch(NOTIFICATIONS.ID);
        if (!deleted.isEmpty()) {
            db.deleteFrom(NOTIFICATION_QUEUE)
                    .where(NOTIFICATION_QUEUE.TENANT_ID.eq(
                            TenantContext.require().value()))
                    .and(NOTIFICATION_QUEUE.NOTIFICATION_ID.eq(any(deleted.toArray(UUID[]::new))))
                    .execute();
        }
        return deleted.size();
    }

    /** Starts a dead or bounced mail over: pending, no attempts, due now. */
    public boolean resetForReplay(UUID id) {
        int updated = db.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATUS, NotificationStatus.PENDING)
                .set(NOTIFICATIONS.ATTEMPTS, 0)
                .setNull(NOTIFICATIONS.NEXT_ATTEMPT_AT)
                .where(NOTIFICATIONS.ID.eq(id))
                .and(NOTIFICATIONS.CHANNEL.eq(Channel.EMAIL.column()))
                .and(NOTIFICATIONS.STATUS.in(NotificationStatus.DEAD, NotificationStatus.BOUNCED))
                .execute();
        if (updated == 1) {
            enqueueAll(Map.of(id, clock.instant()));
        }
        return updated == 1;
    }

    public List<DeliveryLog.Entry> entries(@Nullable String status, int limit) {
        Condition condition = NOTIFICATIONS.CHANNEL.eq(Channel.EMAIL.column());
        if (status != null) {
            condition = condition.and(NOTIFICATIONS.STATUS.eq(status));
        }
        return db.selectFrom(NOTIFICATIONS)
                .where(condition)
                .orderBy(NOTIFICATIONS.CREATED_AT.desc(), NOTIFICATIONS.ID.desc())
                .limit(limit)
                .fetch(NotificationRepository::entry);
    }

    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.select(NOTIFICATIONS.STATUS, count())
                .from(NOTIFICATIONS)
                .where(NOTIFICATIONS.CHANNEL.eq(Channel.EMAIL.column()))
                .groupBy(NOTIFICATIONS.STATUS)
                .fetch()
                .forEach(r -> counts.put(r.value1(), r.value2().longValue()));
        return counts;
    }

    /** An entry in the bound tenant's audit log (the one break-glass access and webhook replays write to). */
    public void audit(UUID actorId, String action, UUID subjectId, @Nullable String reason, String detailJson) {
        db.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.TENANT_ID, TenantContext.require().value())
                .set(AUDIT_LOG.ID, Ids.newId(clock))
                .set(AUDIT_LOG.AT, now())
                .set(AUDIT_LOG.ACTOR_ID, actorId)
                .set(AUDIT_LOG.ACTOR_ROLE, "platform-admin")
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.SUBJECT_ID, subjectId)
                .set(AUDIT_LOG.REASON, reason)
                .set(AUDIT_LOG.DETAIL, JSONB.valueOf(detailJson))
                .execute();
    }

    private static DeliveryLog.Entry entry(Record r) {
        OffsetDateTime sent = r.get(NOTIFICATIONS.SENT_AT);
        return new DeliveryLog.Entry(
                r.get(NOTIFICATIONS.ID),
                new TenantId(r.get(NOTIFICATIONS.TENANT_ID)),
                NotificationType.fromKey(r.get(NOTIFICATIONS.TYPE)),
                r.get(NOTIFICATIONS.RECIPIENT_EMAIL),
                r.get(NOTIFICATIONS.STATUS),
                r.get(NOTIFICATIONS.ATTEMPTS),
                r.get(NOTIFICATIONS.TITLE),
                r.get(NOTIFICATIONS.LAST_ERROR),
                r.get(NOTIFICATIONS.CREATED_AT).toInstant(),
                sent == null ? null : sent.toInstant());
    }

    private Stored stored(Record r) {
        return new Stored(
                r.get(NOTIFICATIONS.ID),
                new TenantId(r.get(NOTIFICATIONS.TENANT_ID)),
                r.get(NOTIFICATIONS.EVENT_ID),
                NotificationType.fromKey(r.get(NOTIFICATIONS.TYPE)),
                Channel.fromColumn(r.get(NOTIFICATIONS.CHANNEL)),
                new Recipient(
                        r.get(NOTIFICATIONS.RECIPIENT_EMAIL),
                        r.get(NOTIFICATIONS.RECIPIENT_NAME),
                        r.get(NOTIFICATIONS.MEMBER_ID)),
                Locale.forLanguageTag(r.get(NOTIFICATIONS.LOCALE)),
                ZoneId.of(r.get(NOTIFICATIONS.TIME_ZONE)),
                json.readValue(r.get(NOTIFICATIONS.MODEL).data(), MODEL),
                r.get(NOTIFICATIONS.STATUS),
                r.get(NOTIFICATIONS.ATTEMPTS),
                r.get(NOTIFICATIONS.LINK),
                r.get(NOTIFICATIONS.OCCURRED_AT).toInstant(),
                r.get(NOTIFICATIONS.CREATED_AT).toInstant());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static @Nullable OffsetDateTime odt(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** At most {@code max} characters: what the column takes. */
    static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
