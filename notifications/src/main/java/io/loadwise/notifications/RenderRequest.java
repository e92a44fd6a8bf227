package io.loadwise.notifications;

import io.loadwise.tenancy.TenantId;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A stored notification, as the renderer needs it (in the recipient's language and time zone). */
public record RenderRequest(
        UUID notificationId,
        TenantId tenantId,
        NotificationType type,
        Channel channel,
        Recipient recipient,
        Locale locale,
        ZoneId zone,
        Map<String, Object> model,
        @Nullable String link) {}
