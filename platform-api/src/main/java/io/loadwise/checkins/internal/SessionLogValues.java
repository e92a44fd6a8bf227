package io.loadwise.checkins.internal;

import io.loadwise.checkins.LoggedLoad;
import io.loadwise.checkins.SessionOutcome;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A session log's values once validated, as stored. */
public record SessionLogValues(
        SessionOutcome outcome,
        @Nullable Integer durationMinutes,
        @Nullable BigDecimal distanceKm,
        @Nullable Integer rpe,
        List<LoggedLoad> loads,
        String notes) {}
