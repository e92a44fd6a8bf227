package io.loadwise.roster;

import io.loadwise.roster.internal.ClientContactQuery;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The addresses notifications go to. For the platform's own consumers (they run as the event's
 * tenant, with no signed-in user): it checks no permissions.
 */
@Service
public class ClientContacts {

    private final ClientContactQuery query;

    ClientContacts(ClientContactQuery query) {
        this.query = query;
    }

    /** The client's contact; empty when there is no such client or it was erased. */
    @Transactional(readOnly = true)
    public Optional<ClientContact> of(ClientId client) {
        return query.contactOf(client);
    }
}
