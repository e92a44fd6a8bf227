package io.loadwise.notifications.events.internal;

import io.loadwise.roster.ClientId;
import io.loadwise.roster.NotificationAudience;
import io.loadwise.roster.NotificationAudience.Circle;
import io.loadwise.tenancy.TenantId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The circles of the clients a poll's events concern: noted while the records are read, looked up
 * for all of a business's clients at once when its jobs first ask (in its transaction, so row level
 * security applies). One per poll: a circle read now is what the poll's notifications go to.
 */
final class PollCircles {

    private final NotificationAudience audience;
    private final Map<TenantId, Set<ClientId>> wanted = new HashMap<>();
    private final Map<TenantId, Map<ClientId, Optional<Circle>>> found = new HashMap<>();

    PollCircles(NotificationAudience audience) {
        this.audience = audience;
    }

    /** Notes a client while reading: its circle will be looked up with the others. */
    void want(TenantId tenant, ClientId client) {
        wanted.computeIfAbsent(tenant, t -> new HashSet<>()).add(client);
    }

    /** The client's circle, empty when the client was erased or never existed. */
    Optional<Circle> of(TenantId tenant, ClientId client) {
        Map<ClientId, Optional<Circle>> known = found.computeIfAbsent(tenant, t -> new HashMap<>());
        if (!known.containsKey(client)) {
            Set<ClientId> ask = new HashSet<>(wanted.getOrDefault(tenant, Set.of()));
            ask.add(client);
            ask.removeAll(known.keySet());
            Map<ClientId, Circle> read = audience.circlesOf(ask);
            ask.forEach(c -> known.put(c, Optional.ofNullable(read.get(c))));
        }
        return known.get(client);
    }
}
