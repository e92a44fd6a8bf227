package io.loadwise.billing.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored event that failed (after its retries) or was flagged, for platform admins. */
public record FailedWebhook(
        String eventId,
        String type,
        String endpoint,
        @Nullable String account,
        @Nullable String tenantName,
        String status,
        int attempts,
        @Nullable String lastError,
        Instant receivedAt) {}
