package io.loadwise.roster;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of a client's injury history, e.g. proximal hamstring tendinopathy, left, since a date. */
public record Injury(
        UUID id,
        String condition,
        InjurySide side,
        @Nullable LocalDate since,
        @Nullable LocalDate resolvedOn,
        @Nullable String notes) {}
