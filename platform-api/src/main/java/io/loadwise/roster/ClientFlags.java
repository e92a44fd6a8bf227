package io.loadwise.roster;

import io.loadwise.roster.internal.ClientFlagRepository;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises and clears the roster's flags (pain spike, missed sessions, no check-in) for the
 * platform's own writers, the plan engine above all. It checks no permissions: its callers act
 * for the platform, under the event's or sweep's tenant. People read flags on the roster.
 */
@Service
public class ClientFlags {

    public static final String PAIN_SPIKE = "pain_spike";
    public static final String MISSED_SESSIONS = "missed_sessions";
    public static final String NO_CHECK_IN = "no_check_in";

    private final ClientFlagRepository flags;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClientFlags(ClientFlagRepository flags, ApplicationEventPublisher events, Clock clock) {
        this.flags = flags;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Raises the flag, or updates its detail and severity when it is up already; its raise time
     * stays the first one, so "how long" a client has needed attention is kept. A flag that was not
     * up publishes {@link ClientFlagRaised} (a refresh does not: the coach heard when it went up).
     */
    @Transactional
    public void raise(ClientId client, String kind, String detail, int severity, Instant at) {
        boolean raised = flags.upsert(client, kind, detail, severity, at);
        if (raised) {
            events.publishEvent(new ClientFlagRaised(Ids.newId(clock), TenantContext.require(), client, kind, at));
        }
    }

    /** @return whether a flag was up */
    @Transactional
    public boolean clear(ClientId client, String kind) {
        return flags.delete(client, kind);
    }

    @Transactional(readOnly = true)
    public List<ClientFlag> of(ClientId client) {
        return flags.of(client);
    }

    /** The flags of every client of the tenant, by client. */
    @Transactional(readOnly = true)
    public Map<ClientId, List<ClientFlag>> all() {
        return flags.all();
    }
}
