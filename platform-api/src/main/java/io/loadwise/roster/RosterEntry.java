package io.loadwise.roster;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of a coach's roster. */
public record RosterEntry(
        ClientId id,
        String displayName,
        String email,
        ClientStatus status,
        @Nullable UUID coachId,
        @Nullable String coachName,
        @Nullable String goal,
        List<String> tags,
        List<String> flags) {

    public RosterEntry {
        tags = List.copyOf(tags);
        flags = List.copyOf(flags);
    }
}
