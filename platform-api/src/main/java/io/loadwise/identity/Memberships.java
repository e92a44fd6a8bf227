package io.loadwise.identity;

import io.loadwise.identity.internal.MembershipQuery;
import io.loadwise.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who the signed-in user is within the bound business: their member id (the key of what belongs to
 * a person there, e.g. their inbox). For other modules' services, which must not read the members
 * table themselves.
 */
@Component
public class Memberships {

    private final MembershipQuery query;

    Memberships(MembershipQuery query) {
        this.query = query;
    }

    /**
     * The signed-in user's member id in the bound tenant; empty when nobody is signed in or they
     * are not (or no longer) a member. Runs in the caller's transaction, which carries the tenant.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> currentMemberId() {
        TenantContext.require();
        return CurrentUsers.current().flatMap(user -> query.activeMemberId(user.userId()));
    }
}
