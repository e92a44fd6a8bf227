package io.loadwise.roster.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.jooq.tables.Members;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientStatus;
import io.loadwise.roster.RosterEntry;
import io.loadwise.roster.RosterPage;
import io.loadwise.shared.Cursor;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roster rows. Queries name no tenant: row level security scopes them to the transaction's tenant,
 * and inserts take the tenant from the same binding.
 */
@Repository
public class RosterRepository {

    private static final Members COACH = MEMBERS.as("coach");

    private final DSLContext db;
    private final Clock clock;

    RosterRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public RosterPage page(Optional<Cursor> after, int limit) {
        var condition = after.map(c -> org.jooq
                        .impl
                        .DSL
                        .row(CLIENTS.DISPLAY_NAME, CLIENTS.ID)
                        .gt(c.values().get(0), UUID.fromString(c.values().get(1))))
                .orElse(org.jooq.impl.DSL.noCondition());
        List<RosterEntry> rows = db.select(
                        CLIENTS.ID,
                        CLIENTS.DISPLAY_NAME,
                        CLIENTS.EMAIL,
                        CLIENTS.STATUS,
                        CLIENTS.COACH_ID,
                        CLIENTS.GOAL,
                        COACH.DISPLAY_NAME)
                .from(CLIENTS)
                .leftJoin(COACH)
                .on(COACH.TENANT_ID.eq(CLIENTS.TENANT_ID).and(COACH.ID.eq(CLIENTS.COACH_ID)))
                .where(condition)
                .orderBy(CLIENTS.DISPLAY_NAME, CLIENTS.ID)
                .limit(limit + 1)
                .fetch(RosterRepository::toEntry);
        if (rows.size() <= limit) {
            return new RosterPage(rows, null);
        }
        List<RosterEntry> page = rows.subList(0, limit);
        RosterEntry last = page.get(limit - 1);
        return new RosterPage(
                page, Cursor.of(last.displayName(), last.id().toString()).encode());
    }

    public boolean hasClientWithEmail(String email) {
        return db.fetchExists(CLIENTS, CLIENTS.EMAIL.eq(email));
    }

    public Optional<UUID> memberIdOfUser(UUID userId) {
        return db.select(MEMBERS.ID)
                .from(MEMBERS)
                .where(MEMBERS.USER_ID.eq(userId))
                .fetchOptional(MEMBERS.ID);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void addClient(
            UUID memberId, UUID userId, ClientId clientId, String email, String displayName, @Nullable UUID coachId) {
        UUID tenant = TenantContext.require().value();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant)
                .set(MEMBERS.ID, memberId)
                .set(MEMBERS.USER_ID, userId)
                .set(MEMBERS.ROLE, "client")
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, displayName)
                .set(MEMBERS.CREATED_AT, now)
                .execute();
        db.insertInto(CLIENTS)
                .set(CLIENTS.TENANT_ID, tenant)
                .set(CLIENTS.ID, clientId.value())
                .set(CLIENTS.MEMBER_ID, memberId)
                .set(CLIENTS.COACH_ID, coachId)
                .set(CLIENTS.DISPLAY_NAME, displayName)
                .set(CLIENTS.EMAIL, email)
                .set(CLIENTS.STATUS, ClientStatus.LEAD.dbValue())
                .set(CLIENTS.CREATED_AT, now)
                .set(CLIENTS.UPDATED_AT, now)
                .execute();
    }

    private static RosterEntry toEntry(Record r) {
        return new RosterEntry(
                new ClientId(r.get(CLIENTS.ID)),
                r.get(CLIENTS.DISPLAY_NAME),
                r.get(CLIENTS.EMAIL),
                ClientStatus.fromDb(r.get(CLIENTS.STATUS)),
                r.get(CLIENTS.COACH_ID),
                r.get(COACH.DISPLAY_NAME),
                r.get(CLIENTS.GOAL));
    }
}
