package io.loadwise.roster;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The coach-editable part of a client's profile, replaced as a whole (absent optional values clear
 * the field). Checked and normalized by {@link ProfileRules}.
 */
public record ProfileChanges(
        String displayName,
        ClientStatus status,
        List<String> tags,
        @Nullable String goal,
        @Nullable AgeGroup ageGroup,
        @Nullable MenopausalStatus menopausalStatus,
        @Nullable BigDecimal weeklyVolumeKm,
        @Nullable String races) {

    public ProfileChanges {
        tags = List.copyOf(tags);
    }
}
