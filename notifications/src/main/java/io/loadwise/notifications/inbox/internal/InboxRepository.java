package io.loadwise.notifications.inbox.internal;

import static io.loadwise.jooq.Tables.NOTIFICATIONS;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.InboxSignal;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.inbox.InboxEntry;
import io.loadwise.notifications.inbox.InboxPage;
import io.loadwise.shared.Cursor;
import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

/**
 * In-app rows of {@code notifications}: a member's inbox. Row level security scopes every query to
 * the transaction's tenant; the member is the caller's, resolved by the service.
 */
@Repository
public class InboxRepository {

    static final String UNREAD = "unread";
    static final String READ = "read";

    private final DSLContext db;

    InboxRepository(DSLContext db) {
        this.db = db;
    }

    /** The member's newest {@code limit} entries before the cursor (or the newest overall). */
    public InboxPage page(UUID member, Optional<Cursor> after, int limit) {
        Condition older = after.map(c -> DSL.row(NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.ID)
                        .lt(
                                OffsetDateTime.parse(c.values().get(0)),
                                UUID.fromString(c.values().get(1))))
                .orElse(DSL.noCondition());
        List<InboxEntry> rows = db.selectFrom(NOTIFICATIONS)
                .where(mine(member), older)
                .orderBy(NOTIFICATIONS.CREATED_AT.desc(), NOTIFICATIONS.ID.desc())
                .limit(limit + 1)
                .fetch(InboxRepository::toEntry);
        if (rows.size() <= limit) {
            return new InboxPage(rows, null);
        }
        List<InboxEntry> page = new ArrayList<>(rows.subList(0, limit));
        InboxEntry last = page.getLast();
        String next = Cursor.of(
                        last.createdAt().atOffset(ZoneOffset.UTC).toString(),
                        last.id().toString())
                .encode();
        return new InboxPage(page, next);
    }

    public long unreadCount(UUID member) {
        return db.fetchCount(NOTIFICATIONS, mine(member), NOTIFICATIONS.STATUS.eq(UNREAD));
    }

    public Optional<InboxEntry> find(UUID member, UUID id) {
        return db.selectFrom(NOTIFICATIONS)
                .where(mine(member), NOTIFICATIONS.ID.eq(id))
                .fetchOptional(InboxRepository::toEntry);
    }

    /** Marks one entry read; one already read keeps its first read time. True when it changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markRead(UUID member, UUID id, Instant at) {
        return db.update(NOTIFICATIONS)
                        .set(NOTIFICATIONS.STATUS, READ)
                        .set(NOTIFICATIONS.READ_AT, at.atOffset(ZoneOffset.UTC))
                        .where(mine(member), NOTIFICATIONS.ID.eq(id), NOTIFICATIONS.STATUS.eq(UNREAD))
                        .execute()
                > 0;
    }

    /** @return how many entries were unread */
    @Transactional(propagation = Propagation.MANDATORY)
    public int markAllRead(UUID member, Instant at) {
        return db.update(NOTIFICATIONS)
                .set(NOTIFICATIONS.STATUS, READ)
                .set(NOTIFICATIONS.READ_AT, at.atOffset(ZoneOffset.UTC))
                .where(mine(member), NOTIFICATIONS.STATUS.eq(UNREAD))
                .execute();
    }

    /**
     * Tells every web instance, once this transaction commits, that the member's inbox changed: so
     * their other open tabs show the new count too.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void signal(UUID member) {
        db.select(DSL.field(
                        "pg_notify({0}, {1})",
                        String.class,
                        DSL.val(InboxSignal.CHANNEL),
                        DSL.val(InboxSignal.payload(TenantContext.require(), member))))
                .fetch();
    }

    private static Condition mine(UUID member) {
        return NOTIFICATIONS.MEMBER_ID.eq(member).and(NOTIFICATIONS.CHANNEL.eq(Channel.IN_APP.column()));
    }

    private static InboxEntry toEntry(Record r) {
        OffsetDateTime readAt = r.get(NOTIFICATIONS.READ_AT);
        String status = r.get(NOTIFICATIONS.STATUS);
        return new InboxEntry(
                r.get(NOTIFICATIONS.ID),
                // stored as the enum name or its key: fromKey reads both
                NotificationType.fromKey(r.get(NOTIFICATIONS.TYPE)),
                orEmpty(r.get(NOTIFICATIONS.TITLE)),
                orEmpty(r.get(NOTIFICATIONS.BODY)),
                r.get(NOTIFICATIONS.LINK),
                r.get(NOTIFICATIONS.CREATED_AT).toInstant(),
                // read_at is the truth for the UI; a row marked read without a time still reads as read
                readAt != null
                        ? readAt.toInstant()
                        : (READ.equals(status) ? r.get(NOTIFICATIONS.CREATED_AT).toInstant() : null));
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text;
    }
}
