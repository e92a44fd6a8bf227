package io.loadwise.checkins;

import io.loadwise.events.TenantEvent;
import io.loadwise.plans.PlanId;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.events.Externalized;

/**
 * A client recorded a symptom check-in. Ids only: the scores are health data and stay in the
 * database; the plan engine reads them through {@link CheckInHistory}.
 */
@Externalized(CheckInRecorded.TOPIC)
public record CheckInRecorded(
        UUID eventId,
        TenantId tenantId,
        ClientId clientId,
        UUID checkInId,
        @Nullable PlanId planId,
        LocalDate date,
        Instant occurredAt)
        implements TenantEvent {

    public static final String TOPIC = "loadwise.checkins.check-in-recorded";
}
