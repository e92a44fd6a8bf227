package io.loadwise.notifications;

import java.util.Locale;

/** Where a notification reaches its recipient. */
public enum Channel {
    EMAIL,
    IN_APP;

    /** As stored in {@code notifications.channel}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromColumn(String column) {
        return valueOf(column.toUpperCase(Locale.ROOT));
    }
}
