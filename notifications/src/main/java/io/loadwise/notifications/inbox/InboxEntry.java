package io.loadwise.notifications.inbox;

import io.loadwise.notifications.NotificationType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One notification in a member's inbox, as rendered in their language when it was stored.
 *
 * @param link where opening it leads (a path of the application, or an absolute address); null: nowhere
 * @param readAt when the member opened it (or marked all read); null while unread
 */
public record InboxEntry(
        UUID id,
        NotificationType type,
        String title,
        String body,
        @Nullable String link,
        Instant createdAt,
        @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
