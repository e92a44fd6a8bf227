package io.loadwise.plans;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A run, by duration or by distance (at least one).
 *
 * @param repeats for {@link RunType#SPEED} and {@link RunType#STRIDES}: how many efforts, e.g. "6 × 20 s"
 */
public record RunSession(
        String title,
        RunType type,
        @Nullable Integer durationMinutes,
        @Nullable BigDecimal distanceKm,
        Intensity intensity,
        @Nullable String repeats,
        String notes)
        implements SessionSpec {

    public RunSession {
        notes = notes == null ? "" : notes;
    }

    @Override
    public SessionKind kind() {
        return SessionKind.RUN;
    }
}
