package io.loadwise.privacy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a platform admin may see of a tenant's roster without break-glass: client ids and status
 * counts, no names, no addresses, no health data.
 */
public record TenantClientsOverview(Map<String, Integer> statusCounts, List<ClientRef> clients) {

    public TenantClientsOverview {
        statusCounts = Map.copyOf(statusCounts);
        clients = List.copyOf(clients);
    }

    public record ClientRef(UUID id, String status, boolean erased) {}
}
