package io.loadwise.plans.calendar.internal;

import static io.loadwise.jooq.Tables.CALENDAR_FEEDS;

import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Calendar feeds: only each secret's SHA-256 is stored. Row level security scopes every statement. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class CalendarFeedRepository {

    private final DSLContext db;

    CalendarFeedRepository(DSLContext db) {
        this.db = db;
    }

    public record StoredFeed(
            UUID id,
            ClientId clientId,
            byte[] secretHash,
            Instant createdAt,
            @Nullable Instant lastReadAt) {}

    public void insert(UUID id, ClientId client, byte[] secretHash, Instant now) {
        db.insertInto(CALENDAR_FEEDS)
                .set(CALENDAR_FEEDS.TENANT_ID, TenantContext.require().value())
                .set(CALENDAR_FEEDS.ID, id)
                .set(CALENDAR_FEEDS.CLIENT_ID, client.value())
                .set(CALENDAR_FEEDS.SECRET_HASH, secretHash)
                .set(CALENDAR_FEEDS.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** Revokes the client's live feed, if any; returns whether there was one. */
    public boolean revokeLive(ClientId client, Instant now) {
        return db.update(CALENDAR_FEEDS)
                        .set(CALENDAR_FEEDS.REVOKED_AT, now.atOffset(ZoneOffset.UTC))
                        .where(CALENDAR_FEEDS.CLIENT_ID.eq(client.value()))
                        .and(CALENDAR_FEEDS.REVOKED_AT.isNull())
                        .execute()
                > 0;
    }

    public Optional<StoredFeed> live(UUID id) {
        return db.selectFrom(CALENDAR_FEEDS)
                .where(CALENDAR_FEEDS.ID.eq(id))
                .and(CALENDAR_FEEDS.REVOKED_AT.isNull())
                .fetchOptional(r -> new StoredFeed(
                        r.getId(),
                        new ClientId(r.getClientId()),
                        r.getSecretHash(),
                        r.getCreatedAt().toInstant(),
                        r.getLastReadAt() == null ? null : r.getLastReadAt().toInstant()));
    }

    public Optional<StoredFeed> liveOf(ClientId client) {
        return db.selectFrom(CALENDAR_FEEDS)
                .where(CALENDAR_FEEDS.CLIENT_ID.eq(client.value()))
                .and(CALENDAR_FEEDS.REVOKED_AT.isNull())
                .fetchOptional(r -> new StoredFeed(
                        r.getId(),
                        new ClientId(r.getClientId()),
                        r.getSecretHash(),
                        r.getCreatedAt().toInstant(),
                        r.getLastReadAt() == null ? null : r.getLastReadAt().toInstant()));
    }

    public void markRead(UUID id, Instant now) {
        db.update(CALENDAR_FEEDS)
                .set(CALENDAR_FEEDS.LAST_READ_AT, now.atOffset(ZoneOffset.UTC))
                .where(CALENDAR_FEEDS.ID.eq(id))
                .execute();
    }
}
