package io.loadwise.team.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.team.TeamMember;
import io.loadwise.team.TeamRole;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Owners and coaches of the transaction's tenant (row level security) and their clients. */
@Repository
public class TeamRepository {

    private static final List<String> STAFF = List.of(TeamRole.OWNER.dbValue(), TeamRole.COACH.dbValue());

    private static final Field<Integer> LEAD_CLIENTS = DSL.field(DSL.selectCount()
                    .from(CLIENTS)
                    .where(CLIENTS.TENANT_ID.eq(MEMBERS.TENANT_ID), CLIENTS.COACH_ID.eq(MEMBERS.ID)))
            .as("lead_clients");
    private static final Field<Integer> CO_COACHED_CLIENTS = DSL.field(DSL.selectCount()
                    .from(CLIENT_COACHES)
                    .where(CLIENT_COACHES.TENANT_ID.eq(MEMBERS.TENANT_ID), CLIENT_COACHES.COACH_ID.eq(MEMBERS.ID)))
            .as("co_coached_clients");

    private final DSLContext db;
    private final Clock clock;

    TeamRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<TeamMember> members() {
        return db.select(MEMBERS.asterisk(), LEAD_CLIENTS, CO_COACHED_CLIENTS)
                .from(MEMBERS)
                .where(MEMBERS.ROLE.in(STAFF))
                .orderBy(MEMBERS.REMOVED_AT.isNotNull(), MEMBERS.DISPLAY_NAME, MEMBERS.ID)
                .fetch(TeamRepository::toMember);
    }

    public Optional<TeamMember> member(UUID memberId) {
        return db.select(MEMBERS.asterisk(), LEAD_CLIENTS, CO_COACHED_CLIENTS)
                .from(MEMBERS)
                .where(MEMBERS.ID.eq(memberId), MEMBERS.ROLE.in(STAFF))
                .fetchOptional(TeamRepository::toMember);
    }

    /** The role of any member (client included), to explain why one can't take clients over. */
    public Optional<String> roleOf(UUID memberId) {
        return db.select(MEMBERS.ROLE)
                .from(MEMBERS)
                .where(MEMBERS.ID.eq(memberId))
                .fetchOptional(MEMBERS.ROLE);
    }

    public boolean hasMemberWithEmail(String email) {
        return db.fetchExists(MEMBERS, MEMBERS.EMAIL.eq(email));
    }

    public boolean isActiveOwner(UUID userId) {
        return db.fetchExists(MEMBERS, MEMBERS.USER_ID.eq(userId), owner());
    }

    public int activeOwners() {
        return db.fetchCount(MEMBERS, owner());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(UUID memberId, UUID userId, TeamRole role, String email, String displayName) {
        db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, TenantContext.require().value())
                .set(MEMBERS.ID, memberId)
                .set(MEMBERS.USER_ID, userId)
                .set(MEMBERS.ROLE, role.dbValue())
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, displayName)
                .set(MEMBERS.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .execute();
    }

    /** @return how many clients changed lead coach */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reassignLeadClients(UUID from, UUID to) {
        int moved = db.update(CLIENTS)
                .set(CLIENTS.COACH_ID, to)
                .where(CLIENTS.COACH_ID.eq(from))
                .execute();
        // The new lead no longer needs to be listed as a co-coach of the same clients.
        db.deleteFrom(CLIENT_COACHES)
                .where(CLIENT_COACHES.COACH_ID.eq(to))
                .and(CLIENT_COACHES.CLIENT_ID.in(
                        DSL.select(CLIENTS.ID).from(CLIENTS).where(CLIENTS.COACH_ID.eq(to))))
                .execute();
        return moved;
    }

    /** @return how many clients the successor now co-coaches in place of {@code from} */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reassignCoCoachedClients(UUID from, UUID to, Instant at) {
        var successorAlreadyThere = DSL.exists(
                DSL.selectOne().from(CLIENTS).where(CLIENTS.ID.eq(CLIENT_COACHES.CLIENT_ID), CLIENTS.COACH_ID.eq(to)));
        int moved = db.insertInto(CLIENT_COACHES)
                .columns(
                        CLIENT_COACHES.TENANT_ID,
                        CLIENT_COACHES.CLIENT_ID,
                        CLIENT_COACHES.COACH_ID,
                        CLIENT_COACHES.ASSIGNED_AT)
                .select(DSL.select(
                                CLIENT_COACHES.TENANT_ID,
                                CLIENT_COACHES.CLIENT_ID,
                                DSL.val(to),
                                DSL.val(at.atOffset(ZoneOffset.UTC)))
                        .from(CLIENT_COACHES)
                        .where(CLIENT_COACHES.COACH_ID.eq(from))
                        .andNot(successorAlreadyThere))
                .onConflictDoNothing()
                .execute();
        db.deleteFrom(CLIENT_COACHES).where(CLIENT_COACHES.COACH_ID.eq(from)).execute();
        return moved;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void markRemoved(UUID memberId, Instant at) {
        db.update(MEMBERS)
                .set(MEMBERS.REMOVED_AT, at.atOffset(ZoneOffset.UTC))
                .where(MEMBERS.ID.eq(memberId))
                .execute();
    }

    private static Condition owner() {
        return MEMBERS.ROLE.eq(TeamRole.OWNER.dbValue()).and(MEMBERS.REMOVED_AT.isNull());
    }

    private static TeamMember toMember(Record r) {
        OffsetDateTime removed = r.get(MEMBERS.REMOVED_AT);
        return new TeamMember(
                r.get(MEMBERS.ID),
                r.get(MEMBERS.USER_ID),
                r.get(MEMBERS.DISPLAY_NAME),
                r.get(MEMBERS.EMAIL),
                TeamRole.fromDb(r.get(MEMBERS.ROLE)),
                removed == null ? null : removed.toInstant(),
                r.get(LEAD_CLIENTS),
                r.get(CO_COACHED_CLIENTS));
    }
}
