package io.loadwise.checkins;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the client reports of a session, before validation.
 *
 * @param durationMinutes 0-1440
 * @param distanceKm 0-1000
 * @param rpe perceived exertion 1-10
 * @param loads per exercise of a strength session
 * @param notes at most 2000 characters
 */
public record SessionLogEntry(
        @Nullable SessionOutcome outcome,
        @Nullable Integer durationMinutes,
        @Nullable BigDecimal distanceKm,
        @Nullable Integer rpe,
        @Nullable List<LoggedLoad> loads,
        @Nullable String notes) {}
