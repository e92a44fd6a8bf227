package io.loadwise.checkins;

import io.loadwise.plans.PlanId;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.roster.ClientId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The client's log of one session.
 *
 * @param sessionDate the date the session was planned on
 * @param rpe perceived exertion 1-10
 */
public record SessionLog(
        UUID id,
        ClientId clientId,
        PlanId planId,
        PlanSessionId sessionId,
        LocalDate sessionDate,
        SessionOutcome outcome,
        @Nullable Integer durationMinutes,
        @Nullable BigDecimal distanceKm,
        @Nullable Integer rpe,
        List<LoggedLoad> loads,
        String notes,
        Instant loggedAt,
        int version) {

    public SessionLog {
        loads = List.copyOf(loads);
    }
}
