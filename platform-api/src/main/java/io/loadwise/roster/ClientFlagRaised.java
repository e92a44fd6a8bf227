package io.loadwise.roster;

import io.loadwise.events.TenantEvent;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A flag went up on a client that had none of its kind (a pain spike, missed sessions, no
 * check-in). Not published when a flag that is up already gets a fresher detail: the coach was
 * told when it went up. Sent to Kafka keyed by tenant; notifications alerts the client's coaches.
 *
 * <p>Ids and the kind only: the flag's detail and severity ("Pain 6/10 on ...") are health data
 * and stay in PostgreSQL (ADR 0008); consumers read them through {@link ClientFlags#of} as the
 * event's tenant.
 *
 * @param kind one of {@link ClientFlags#PAIN_SPIKE}, {@link ClientFlags#MISSED_SESSIONS}, {@link
 *     ClientFlags#NO_CHECK_IN}
 */
@Externalized(ClientFlagRaised.TOPIC)
public record ClientFlagRaised(UUID eventId, TenantId tenantId, ClientId clientId, String kind, Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.roster.client-flag-raised";
}
