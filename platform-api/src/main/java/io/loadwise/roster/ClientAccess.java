package io.loadwise.roster;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.Role;
import io.loadwise.roster.internal.ClientAccessQuery;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.TenantContext;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may see which client, the one rule every feature showing client data goes through:
 *
 * <ul>
 *   <li>row level security already limits everything to the caller's tenant;
 *   <li>the tenant's owner sees every client; another coach sees the clients they lead or co-coach;
 *   <li>a client sees only themselves;
 *   <li>a platform admin sees no client data here (break-glass access is audited elsewhere).
 * </ul>
 *
 * <p>A client that is not visible is reported exactly like one that does not exist, so ids of other
 * tenants or other coaches' clients reveal nothing.
 */
@Component
public class ClientAccess {

    private final ClientAccessQuery query;

    ClientAccess(ClientAccessQuery query) {
        this.query = query;
    }

    /**
     * @return the id, when the current user may see that client
     * @throws NotFoundException when the client does not exist or is not visible to them
     */
    @Transactional(readOnly = true)
    public ClientId requireVisible(ClientId client) {
        if (!canSee(client)) {
            throw new NotFoundException("client", client);
        }
        return client;
    }

    @Transactional(readOnly = true)
    public boolean canSee(ClientId client) {
        TenantContext.require();
        CurrentUser user = CurrentUsers.require();
        if (user.has(Role.COACH)) {
            return query.isOwner(user.userId()) ? query.exists(client) : query.isCoachOf(user.userId(), client);
        }
        if (user.has(Role.CLIENT)) {
            return query.clientOfUser(user.userId()).filter(client::equals).isPresent();
        }
        return false;
    }

    /** The roster entry of the signed-in client, if the current user is one in this tenant. */
    @Transactional(readOnly = true)
    public Optional<ClientId> ownClient() {
        TenantContext.require();
        return CurrentUsers.current().flatMap(user -> query.clientOfUser(user.userId()));
    }

    /** Whether the signed-in coach owns the business (and so sees and manages everything in it). */
    @Transactional(readOnly = true)
    public boolean currentUserIsOwner() {
        TenantContext.require();
        return CurrentUsers.current()
                .filter(user -> user.has(Role.COACH))
                .map(user -> query.isOwner(user.userId()))
                .orElse(false);
    }
}
