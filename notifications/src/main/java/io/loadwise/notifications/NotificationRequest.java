package io.loadwise.notifications;

import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event's notification for one recipient, as a consumer asks for it.
 *
 * @param eventId the event's id: with type, recipient and channel the dedupe key
 * @param model the template variables ({@link NotificationType#required()})
 * @param link the page the notification opens, as a path ({@code /t/stride/me/plan}); null when it
 *     has none or when the renderer issues a secret link instead
 */
public record NotificationRequest(
        UUID eventId,
        TenantId tenantId,
        NotificationType type,
        Recipient recipient,
        Map<String, Object> model,
        @Nullable String link,
        Instant occurredAt) {}
