package io.loadwise.team;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An owner or coach of the business, current or removed.
 *
 * @param leadClients clients this member is the lead coach of
 * @param coCoachedClients clients this member coaches alongside their lead coach
 */
public record TeamMember(
        UUID id,
        UUID userId,
        String displayName,
        String email,
        TeamRole role,
        @Nullable Instant removedAt,
        int leadClients,
        int coCoachedClients) {

    public boolean active() {
        return removedAt == null;
    }
}
