package io.loadwise.roster;

import io.loadwise.roster.internal.ClientFlagRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    ClientFlags(ClientFlagRepository flags) {
        this.flags = flags;
    }

    /**
     * Raises the flag, or updates its detail and severity when it is up already; its raise time
     * stays the first one, so "how long" a client has needed attention is kept.
     */
    @Transactional
    public void raise(ClientId client, String kind, String detail, int severity, Instant at) {
        flags.upsert(client, kind, detail, severity, at);
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
