package io.loadwise.roster;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * The part of a client's profile she sees and edits herself in the portal: no status, tags or
 * notes, which are the coaches' business.
 */
public record OwnProfile(
        ClientId id,
        String displayName,
        String email,
        @Nullable String goal,
        @Nullable AgeGroup ageGroup,
        @Nullable MenopausalStatus menopausalStatus,
        ConsentState menopausalStatusConsent,
        @Nullable BigDecimal weeklyVolumeKm,
        @Nullable String races,
        int version) {}
