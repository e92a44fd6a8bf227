package io.loadwise.checkins;

import io.loadwise.plans.PlanId;
import io.loadwise.plans.PlanSessionId;
import io.loadwise.roster.ClientId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A symptom check-in. Every scale is 0-10 and may be left out; at least one value is given.
 *
 * @param date the day the symptoms are about (the morning values: that morning)
 * @param painDuring pain during activity
 * @param morningPain pain the next morning
 * @param morningStiffness stiffness the next morning
 * @param painAfterSitting pain after sitting (compression of the tendon aggravates it)
 */
public record CheckIn(
        UUID id,
        ClientId clientId,
        @Nullable PlanId planId,
        @Nullable PlanSessionId sessionId,
        LocalDate date,
        @Nullable Integer painDuring,
        @Nullable Integer morningPain,
        @Nullable Integer morningStiffness,
        @Nullable Integer painAfterSitting,
        @Nullable BigDecimal sleepHours,
        String notes,
        Instant recordedAt) {

    /** The highest pain of any scale in this check-in (stiffness aside); null when none was given. */
    public @Nullable Integer worstPain() {
        Integer worst = null;
        for (Integer value : new Integer[] {painDuring, morningPain, painAfterSitting}) {
            if (value != null && (worst == null || value > worst)) {
                worst = value;
            }
        }
        return worst;
    }
}
