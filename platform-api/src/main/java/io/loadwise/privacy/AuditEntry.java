package io.loadwise.privacy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a tenant's audit log: who did what to whose data, when, and why.
 *
 * @param actorRole client, coach, owner or platform-admin
 * @param detail what was accessed or done, as JSON
 */
public record AuditEntry(
        UUID id,
        Instant at,
        UUID actorId,
        String actorRole,
        String action,
        @Nullable UUID subjectId,
        @Nullable String reason,
        @Nullable String detail) {}
