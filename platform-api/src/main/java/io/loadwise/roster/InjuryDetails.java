package io.loadwise.roster;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a coach records about an injury; checked by {@link ProfileRules#injury}. */
public record InjuryDetails(
        String condition,
        InjurySide side,
        @Nullable LocalDate since,
        @Nullable LocalDate resolvedOn,
        @Nullable String notes) {}
