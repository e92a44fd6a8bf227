package io.loadwise.checkins;

import io.loadwise.events.TenantEvent;
import io.loadwise.plans.PlanId;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/** A client logged a session (done, partial or skipped). */
@Externalized(SessionLogged.TOPIC)
public record SessionLogged(
        UUID eventId,
        TenantId tenantId,
        ClientId clientId,
        PlanId planId,
        PlanSessionId sessionId,
        UUID logId,
        SessionOutcome outcome,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.checkins.session-logged";
}
