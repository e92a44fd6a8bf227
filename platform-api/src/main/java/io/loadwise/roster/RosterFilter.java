package io.loadwise.roster;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which clients of the roster to list and in which order; empty criteria match everyone.
 *
 * @param text case-insensitive part of the name or email
 * @param statuses any of these statuses (empty: all)
 * @param coach clients this member leads or co-coaches
 * @param coachIsMe clients the signed-in coach leads or co-coaches (wins over {@code coach})
 * @param flag clients with a raised flag of this kind
 */
public record RosterFilter(
        @Nullable String text,
        Set<ClientStatus> statuses,
        @Nullable String tag,
        @Nullable UUID coach,
        boolean coachIsMe,
        @Nullable String flag,
        RosterSort sort) {

    public RosterFilter {
        statuses = Set.copyOf(statuses);
        text = text == null || text.isBlank() ? null : text.trim();
        tag = tag == null || tag.isBlank() ? null : ProfileRules.tag(tag);
        flag = flag == null || flag.isBlank() ? null : flag.trim();
    }

    /** Everyone, by name. */
    public static RosterFilter all() {
        return new RosterFilter(null, Set.of(), null, null, false, null, RosterSort.NAME);
    }

    public RosterFilter withSort(RosterSort newSort) {
        return new RosterFilter(text, statuses, tag, coach, coachIsMe, flag, newSort);
    }
}
