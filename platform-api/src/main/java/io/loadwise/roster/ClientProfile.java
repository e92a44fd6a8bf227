package io.loadwise.roster;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A client's profile as their coaches see it.
 *
 * @param menopausalStatus present only while the client's consent to record it is active
 * @param version the row version: the ETag for optimistic concurrency
 */
public record ClientProfile(
        ClientId id,
        String displayName,
        String email,
        ClientStatus status,
        @Nullable CoachRef leadCoach,
        List<CoachRef> coCoaches,
        List<String> tags,
        @Nullable String goal,
        @Nullable AgeGroup ageGroup,
        @Nullable MenopausalStatus menopausalStatus,
        ConsentState menopausalStatusConsent,
        @Nullable BigDecimal weeklyVolumeKm,
        @Nullable String races,
        List<Injury> injuries,
        List<ClientFlag> flags,
        int version) {

    public ClientProfile {
        coCoaches = List.copyOf(coCoaches);
        tags = List.copyOf(tags);
        injuries = List.copyOf(injuries);
        flags = List.copyOf(flags);
    }
}
