package io.loadwise.notifications;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications address people and link back to Loadwise.
 *
 * @param publicUrl the address browsers reach Loadwise at; links in emails start with it
 * @param from the sender address of every email (the display name is the business's)
 * @param unsubscribeSecret the key unsubscribe links are signed with (at least 32 characters, the
 *     same on every instance; from the environment: LOADWISE_NOTIFICATIONS_UNSUBSCRIBE_SECRET).
 *     Unset: a random key per process, so links mailed before a restart stop working.
 */
@ConfigurationProperties("loadwise.notifications")
public record NotificationsProperties(
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("Loadwise <no-reply@loadwise.local>") String from,
        @Nullable String unsubscribeSecret) {

    /** The absolute address of a Loadwise page, e.g. {@code link("/t/stride/me")}. */
    public String link(String path) {
        String base = publicUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
