package io.loadwise.messaging.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.MESSAGES;
import static io.loadwise.jooq.Tables.MESSAGE_READS;

import io.loadwise.messaging.AuthorRole;
import io.loadwise.messaging.Message;
import io.loadwise.messaging.MessageId;
import io.loadwise.messaging.MessagePage;
import io.loadwise.messaging.ThreadCoach;
import io.loadwise.messaging.UnreadThread;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Cursor;
import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threads, messages and read marks. Row level security scopes every query to the transaction's
 * tenant; who may see which thread is decided before these are called.
 */
@Repository
public class MessagingRepository {

    private final DSLContext db;

    MessagingRepository(DSLContext db) {
        this.db = db;
    }

    /** The caller's membership in the business, unless they were removed from it. */
    public Optional<Member> memberOfUser(UUID userId) {
        return db.select(MEMBERS.ID, MEMBERS.ROLE)
                .from(MEMBERS)
                .where(MEMBERS.USER_ID.eq(userId), MEMBERS.REMOVED_AT.isNull())
                .fetchOptional(r -> new Member(r.value1(), AuthorRole.fromCode(r.value2())));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(MessageId id, ClientId client, UUID author, String body, Instant at) {
        db.insertInto(MESSAGES)
                .set(MESSAGES.TENANT_ID, TenantContext.require().value())
                .set(MESSAGES.ID, id.value())
                .set(MESSAGES.CLIENT_ID, client.value())
                .set(MESSAGES.AUTHOR_ID, author)
                .set(MESSAGES.BODY, body)
                .set(MESSAGES.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    public Message find(MessageId id, UUID reader) {
        return db.select(MESSAGES.fields())
                .select(MEMBERS.DISPLAY_NAME, MEMBERS.ROLE)
                .from(MESSAGES)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(MESSAGES.TENANT_ID), MEMBERS.ID.eq(MESSAGES.AUTHOR_ID))
                .where(MESSAGES.ID.eq(id.value()))
                .fetchSingle(r -> toMessage(r, reader));
    }

    /** The newest {@code limit} messages before the cursor (or the newest overall), oldest first. */
    public MessagePage page(ClientId client, Optional<Cursor> before, int limit, UUID reader) {
        Condition older = before.map(c -> DSL.row(MESSAGES.CREATED_AT, MESSAGES.ID)
                        .lt(
                                OffsetDateTime.parse(c.values().get(0)),
                                UUID.fromString(c.values().get(1))))
                .orElse(DSL.noCondition());
        List<Message> newestFirst = db.select(MESSAGES.fields())
                .select(MEMBERS.DISPLAY_NAME, MEMBERS.ROLE)
                .from(MESSAGES)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(MESSAGES.TENANT_ID), MEMBERS.ID.eq(MESSAGES.AUTHOR_ID))
                .where(MESSAGES.CLIENT_ID.eq(client.value()), older)
                .orderBy(MESSAGES.CREATED_AT.desc(), MESSAGES.ID.desc())
                .limit(limit + 1)
                .fetch(r -> toMessage(r, reader));
        String olderCursor = null;
        List<Message> page = new ArrayList<>(newestFirst);
        if (page.size() > limit) {
            page = new ArrayList<>(page.subList(0, limit));
            Message oldest = page.getLast();
            olderCursor = Cursor.of(
                            oldest.createdAt().atOffset(ZoneOffset.UTC).toString(),
                            oldest.id().toString())
                    .encode();
        }
        Collections.reverse(page);
        return new MessagePage(page, olderCursor);
    }

    /**
     * Marks the thread read up to its newest message. Never moves a mark back, so a slow request
     * can't make read messages unread again.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markRead(ClientId client, UUID member) {
        OffsetDateTime newest = db.select(DSL.max(MESSAGES.CREATED_AT))
                .from(MESSAGES)
                .where(MESSAGES.CLIENT_ID.eq(client.value()))
                .fetchOne(0, OffsetDateTime.class);
        if (newest == null) {
            return;
        }
        db.insertInto(MESSAGE_READS)
                .set(MESSAGE_READS.TENANT_ID, TenantContext.require().value())
                .set(MESSAGE_READS.CLIENT_ID, client.value())
                .set(MESSAGE_READS.MEMBER_ID, member)
                .set(MESSAGE_READS.LAST_READ_AT, newest)
                .onConflict(MESSAGE_READS.TENANT_ID, MESSAGE_READS.CLIENT_ID, MESSAGE_READS.MEMBER_ID)
                .doUpdate()
                .set(
                        MESSAGE_READS.LAST_READ_AT,
                        DSL.greatest(MESSAGE_READS.LAST_READ_AT, DSL.excluded(MESSAGE_READS.LAST_READ_AT)))
                .execute();
    }

    /**
     * Threads with messages by others that {@code member} has not read.
     *
     * @param onlyCoachedBy limit to the clients {@code member} leads or co-coaches; false for the
     *     business owner, who sees every thread
     */
    public List<UnreadThread> unreadThreads(UUID member, boolean onlyCoachedBy) {
        Condition visible = onlyCoachedBy
                ? CLIENTS.COACH_ID
                        .eq(member)
                        .or(DSL.exists(DSL.selectOne()
                                .from(CLIENT_COACHES)
                                .where(
                                        CLIENT_COACHES.TENANT_ID.eq(CLIENTS.TENANT_ID),
                                        CLIENT_COACHES.CLIENT_ID.eq(CLIENTS.ID),
                                        CLIENT_COACHES.COACH_ID.eq(member))))
                : DSL.noCondition();
        return unread(member, visible);
    }

    /** The one thread, if it has messages {@code member} has not read. */
    public List<UnreadThread> unreadThreadsOf(ClientId client, UUID member) {
        return unread(member, CLIENTS.ID.eq(client.value()));
    }

    private List<UnreadThread> unread(UUID member, Condition clients) {
        var count = DSL.count();
        return db.select(CLIENTS.ID, CLIENTS.DISPLAY_NAME, count)
                .from(MESSAGES)
                .join(CLIENTS)
                .on(CLIENTS.TENANT_ID.eq(MESSAGES.TENANT_ID), CLIENTS.ID.eq(MESSAGES.CLIENT_ID))
                .leftJoin(MESSAGE_READS)
                .on(
                        MESSAGE_READS.TENANT_ID.eq(MESSAGES.TENANT_ID),
                        MESSAGE_READS.CLIENT_ID.eq(MESSAGES.CLIENT_ID),
                        MESSAGE_READS.MEMBER_ID.eq(member))
                .where(
                        clients,
                        MESSAGES.AUTHOR_ID.ne(member),
                        MESSAGE_READS.LAST_READ_AT.isNull().or(MESSAGES.CREATED_AT.gt(MESSAGE_READS.LAST_READ_AT)))
                .groupBy(CLIENTS.ID, CLIENTS.DISPLAY_NAME)
                .orderBy(CLIENTS.DISPLAY_NAME, CLIENTS.ID)
                .fetch(r -> new UnreadThread(new ClientId(r.value1()), r.value2(), r.value3()));
    }

    /** The client's lead coach first, then their co-coaches by name; removed coaches are left out. */
    public List<ThreadCoach> coachesOf(ClientId client) {
        var lead = db.select(MEMBERS.DISPLAY_NAME)
                .from(CLIENTS)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(CLIENTS.TENANT_ID), MEMBERS.ID.eq(CLIENTS.COACH_ID))
                .where(CLIENTS.ID.eq(client.value()), MEMBERS.REMOVED_AT.isNull())
                .fetch(r -> new ThreadCoach(r.value1(), true));
        var others = db.select(MEMBERS.DISPLAY_NAME)
                .from(CLIENT_COACHES)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(CLIENT_COACHES.TENANT_ID), MEMBERS.ID.eq(CLIENT_COACHES.COACH_ID))
                .join(CLIENTS)
                .on(CLIENTS.TENANT_ID.eq(CLIENT_COACHES.TENANT_ID), CLIENTS.ID.eq(CLIENT_COACHES.CLIENT_ID))
                .where(
                        CLIENT_COACHES.CLIENT_ID.eq(client.value()),
                        MEMBERS.REMOVED_AT.isNull(),
                        CLIENTS.COACH_ID.isNull().or(CLIENTS.COACH_ID.ne(CLIENT_COACHES.COACH_ID)))
                .orderBy(MEMBERS.DISPLAY_NAME)
                .fetch(r -> new ThreadCoach(r.value1(), false));
        List<ThreadCoach> coaches = new ArrayList<>(lead);
        coaches.addAll(others);
        return coaches;
    }

    private static Message toMessage(Record r, UUID reader) {
        UUID author = r.get(MESSAGES.AUTHOR_ID);
        return new Message(
                new MessageId(r.get(MESSAGES.ID)),
                new ClientId(r.get(MESSAGES.CLIENT_ID)),
                author,
                r.get(MEMBERS.DISPLAY_NAME),
                AuthorRole.fromCode(r.get(MEMBERS.ROLE)),
                r.get(MESSAGES.BODY),
                r.get(MESSAGES.CREATED_AT).toInstant(),
                author.equals(reader));
    }

    /** A member of the business: their id and role. */
    public record Member(UUID id, AuthorRole role) {}
}
