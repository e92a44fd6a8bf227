package io.loadwise.plans;

import io.loadwise.events.TenantEvent;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** A planned session's day passed without a log: the session is now {@link SessionStatus#MISSED}. */
@Externalized(SessionMissed.TOPIC)
public record SessionMissed(
        UUID eventId,
        TenantId tenantId,
        ClientId clientId,
        PlanId planId,
        PlanSessionId sessionId,
        LocalDate date,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.plans.session-missed";
}
