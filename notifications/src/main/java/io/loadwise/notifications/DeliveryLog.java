package io.loadwise.notifications;

import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The admin console's view of email delivery: per business, and the dead letters of all of them. Platform admins only. */
public interface DeliveryLog {

    record Entry(
            UUID id,
            TenantId tenantId,
            NotificationType type,
            String recipientEmail,
            String status,
            int attempts,
            @Nullable String subject,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant sentAt) {}

    record Counts(long sent, long waiting, long failed, long dead, long bounced, long suppressed) {}

    /** @param status one of the email statuses of {@code notifications.status}, or null for all */
    List<Entry> entries(TenantId tenant, @Nullable String status, int limit);

    Counts counts(TenantId tenant);

    /** Every business's dead letters, newest first. */
    List<Entry> deadLetters(int limit);

    /** Sends a dead (or bounced) notification again from scratch; audited with the reason. */
    void replay(TenantId tenant, UUID notificationId, String reason);
}
