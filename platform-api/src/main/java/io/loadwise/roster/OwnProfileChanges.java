package io.loadwise.roster;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What a client changes in her own profile, replaced as a whole. */
public record OwnProfileChanges(
        String displayName,
        @Nullable String goal,
        @Nullable AgeGroup ageGroup,
        @Nullable MenopausalStatus menopausalStatus,
        @Nullable BigDecimal weeklyVolumeKm,
        @Nullable String races) {}
