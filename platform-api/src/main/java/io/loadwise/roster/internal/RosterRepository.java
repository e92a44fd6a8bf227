package io.loadwise.roster.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientStatus;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
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

    private final DSLContext db;
    private final Clock clock;

    RosterRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public boolean hasClientWithEmail(String email) {
        return db.fetchExists(CLIENTS, CLIENTS.EMAIL.eq(email));
    }

    public Optional<ClientId> clientIdByEmail(String email) {
        return db.select(CLIENTS.ID)
                .from(CLIENTS)
                .where(CLIENTS.EMAIL.eq(email))
                .fetchOptional(CLIENTS.ID)
                .map(ClientId::new);
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
}
