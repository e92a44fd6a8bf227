package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.CLIENTS;

import io.loadwise.privacy.TenantClientsOverview;
import io.loadwise.privacy.TenantClientsOverview.ClientRef;
import io.loadwise.roster.ClientId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Questions about the bound tenant's roster that reveal no personal data. */
@Repository
public class TenantClientsQuery {

    private final DSLContext db;

    TenantClientsQuery(DSLContext db) {
        this.db = db;
    }

    public boolean exists(ClientId client) {
        return db.fetchExists(CLIENTS, CLIENTS.ID.eq(client.value()));
    }

    public TenantClientsOverview overview() {
        List<ClientRef> clients = db.select(CLIENTS.ID, CLIENTS.STATUS, CLIENTS.ERASED_AT)
                .from(CLIENTS)
                .orderBy(CLIENTS.CREATED_AT, CLIENTS.ID)
                .fetch(r -> new ClientRef(r.value1(), r.value2(), r.value3() != null));
        Map<String, Integer> counts = new TreeMap<>();
        clients.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        return new TenantClientsOverview(counts, clients);
    }
}
