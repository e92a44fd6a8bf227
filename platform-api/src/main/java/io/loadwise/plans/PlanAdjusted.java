package io.loadwise.plans;

import io.loadwise.events.TenantEvent;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A plan got a new revision after its assignment: the engine dialled back or progressed, a coach
 * edited or approved a proposal, billing paused it. Consumers (the coach alert, the client
 * message) read the revision's reason by plan id and revision: health details stay out of Kafka.
 */
@Externalized(PlanAdjusted.TOPIC)
public record PlanAdjusted(
        UUID eventId,
        TenantId tenantId,
        ClientId clientId,
        PlanId planId,
        int revision,
        RevisionKind kind,
        RevisionSource source,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.plans.plan-adjusted";
}
