package io.loadwise.roster.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.roster.ClientId;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The visibility questions behind {@link io.loadwise.roster.ClientAccess}; RLS scopes them to the tenant. */
@Repository
public class ClientAccessQuery {

    private final DSLContext db;

    ClientAccessQuery(DSLContext db) {
        this.db = db;
    }

    public boolean exists(ClientId client) {
        return db.fetchExists(CLIENTS, CLIENTS.ID.eq(client.value()));
    }

    public boolean isOwner(UUID userId) {
        return db.fetchExists(
                MEMBERS, MEMBERS.USER_ID.eq(userId), MEMBERS.ROLE.eq("owner"), MEMBERS.REMOVED_AT.isNull());
    }

    /** Lead coach or co-coach of the client, and not removed from the business. */
    public boolean isCoachOf(UUID userId, ClientId client) {
        var me = db.select(MEMBERS.ID).from(MEMBERS).where(MEMBERS.USER_ID.eq(userId), MEMBERS.REMOVED_AT.isNull());
        return db.fetchExists(DSL.selectOne()
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client.value()))
                .and(CLIENTS.COACH_ID
                        .in(me)
                        .or(DSL.exists(DSL.selectOne()
                                .from(CLIENT_COACHES)
                                .where(CLIENT_COACHES.CLIENT_ID.eq(CLIENTS.ID), CLIENT_COACHES.COACH_ID.in(me))))));
    }

    public Optional<ClientId> clientOfUser(UUID userId) {
        return db.select(CLIENTS.ID)
                .from(CLIENTS)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(CLIENTS.TENANT_ID), MEMBERS.ID.eq(CLIENTS.MEMBER_ID))
                .where(MEMBERS.USER_ID.eq(userId), CLIENTS.ERASED_AT.isNull())
                .fetchOptional(CLIENTS.ID)
                .map(ClientId::new);
    }
}
