package io.loadwise.roster;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A coach-private note about a client; never shown to the client. */
public record ClientNote(
        UUID id,
        ClientId clientId,
        UUID authorId,
        @Nullable String authorName,
        String body,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
