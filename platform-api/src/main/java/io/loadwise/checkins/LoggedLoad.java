package io.loadwise.checkins;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What the client lifted or held in one exercise of a strength session. */
public record LoggedLoad(
        String exercise,
        @Nullable Integer sets,
        @Nullable Integer reps,
        @Nullable Integer holdSeconds,
        @Nullable BigDecimal loadKg) {}
