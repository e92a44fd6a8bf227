package io.loadwise.roster;

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
        @Nullable String goal) {}
