package io.loadwise.identity.internal;

import static io.loadwise.jooq.Tables.MEMBERS;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Membership facts the request filters need; row level security scopes them to the tenant. */
@Repository
public class MembershipQuery {

    private final DSLContext db;

    MembershipQuery(DSLContext db) {
        this.db = db;
    }

    public boolean isRemoved(UUID userId) {
        return db.fetchExists(MEMBERS, MEMBERS.USER_ID.eq(userId), MEMBERS.REMOVED_AT.isNotNull());
    }

    /** The user's member id in the transaction's tenant, unless they were removed from it. */
    public Optional<UUID> activeMemberId(UUID userId) {
        return db.select(MEMBERS.ID)
                .from(MEMBERS)
                .where(MEMBERS.USER_ID.eq(userId), MEMBERS.REMOVED_AT.isNull())
                .fetchOptional(MEMBERS.ID);
    }
}
