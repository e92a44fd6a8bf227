package io.loadwise.onboarding.internal;

import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The owner membership a signup creates in its new tenant. */
@Repository
public class OwnerRepository {

    private final DSLContext db;
    private final Clock clock;

    OwnerRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insertOwner(UUID memberId, UUID userId, String email, String displayName) {
        db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, TenantContext.require().value())
                .set(MEMBERS.ID, memberId)
                .set(MEMBERS.USER_ID, userId)
                .set(MEMBERS.ROLE, "owner")
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, displayName)
                .set(MEMBERS.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .execute();
    }
}
