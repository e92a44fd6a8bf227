package io.loadwise.planengine;

import io.loadwise.events.TenantEvent;
import io.loadwise.plans.PlanId;
import io.loadwise.plans.RevisionKind;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * The engine would change a plan and waits for a coach's approval (the business's engine mode is
 * "propose"). The coach alert links to the proposal; its reason is read from the database.
 */
@Externalized(AdjustmentProposed.TOPIC)
public record AdjustmentProposed(
        UUID eventId,
        TenantId tenantId,
        ClientId clientId,
        PlanId planId,
        UUID proposalId,
        RevisionKind kind,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.planengine.adjustment-proposed";
}
