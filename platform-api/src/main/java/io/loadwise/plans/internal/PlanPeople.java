package io.loadwise.plans.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_INJURIES;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.roster.ClientId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The few facts about people the plans need: who the signed-in member is, whose name goes next to a
 * revision, who leads a client. Reads only; row level security scopes them to the tenant.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class PlanPeople {

    private final DSLContext db;

    PlanPeople(DSLContext db) {
        this.db = db;
    }

    public Optional<UUID> memberOfUser(UUID userId) {
        return db.select(MEMBERS.ID)
                .from(MEMBERS)
                .where(MEMBERS.USER_ID.eq(userId))
                .fetchOptional(MEMBERS.ID);
    }

    public Map<UUID, String> memberNames(Collection<UUID> members) {
        if (members.isEmpty()) {
            return Map.of();
        }
        return db.select(MEMBERS.ID, MEMBERS.DISPLAY_NAME)
                .from(MEMBERS)
                .where(MEMBERS.ID.in(members))
                .fetchMap(MEMBERS.ID, MEMBERS.DISPLAY_NAME);
    }

    public Optional<UUID> leadCoach(ClientId client) {
        return db.select(CLIENTS.COACH_ID)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client.value()))
                .fetchOptional(CLIENTS.COACH_ID);
    }

    public Optional<String> clientName(ClientId client) {
        return db.select(CLIENTS.DISPLAY_NAME)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client.value()))
                .fetchOptional(CLIENTS.DISPLAY_NAME);
    }

    /** The conditions of the client's injuries not resolved yet, newest first (free text). */
    public List<String> openInjuries(ClientId client) {
        return db.select(CLIENT_INJURIES.CONDITION)
                .from(CLIENT_INJURIES)
                .where(CLIENT_INJURIES.CLIENT_ID.eq(client.value()))
                .and(CLIENT_INJURIES.RESOLVED_ON.isNull())
                .orderBy(CLIENT_INJURIES.CREATED_AT.desc())
                .fetch(CLIENT_INJURIES.CONDITION);
    }
}
