package io.loadwise.plans;

import io.loadwise.events.TenantEvent;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.Externalized;

/**
 * A client got a plan (from a coach, or as a draft from a purchase). Ids only: the plan itself
 * stays in the database under row level security.
 *
 * @param assignedBy the coach's member id; null when billing created it
 */
@Externalized(PlanAssigned.TOPIC)
public record PlanAssigned(
        UUID eventId,
        TenantId tenantId,
        ClientId clientId,
        PlanId planId,
        PlanStatus status,
        LocalDate startDate,
        @Nullable UUID assignedBy,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.plans.plan-assigned";
}
