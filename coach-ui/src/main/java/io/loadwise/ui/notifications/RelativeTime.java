package io.loadwise.ui.notifications;

import com.vaadin.flow.component.Component;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** "5 minutes ago" / "vor 5 Minuten" for the last week; older ones as a date in the reader's locale. */
final class RelativeTime {

    private RelativeTime() {}

    static String of(Component where, Locale locale, Instant at, Instant now, ZoneId zone) {
        Duration ago = Duration.between(at, now);
        if (ago.toMinutes() < 1) {
            return where.getTranslation("notifications.time.now");
        }
        if (ago.toHours() < 1) {
            return where.getTranslation("notifications.time.minutes", ago.toMinutes());
        }
        if (ago.toDays() < 1) {
            return where.getTranslation("notifications.time.hours", ago.toHours());
        }
        if (ago.toDays() < 7) {
            return where.getTranslation("notifications.time.days", ago.toDays());
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(at.atZone(zone));
    }
}
