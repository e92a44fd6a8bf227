package io.loadwise.notifications.preferences;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A recipient's stored settings (a {@code notification_settings} row); unset language and zone
 * fall back to the business's.
 */
public record RecipientSettings(
        String email,
        @Nullable Locale locale,
        @Nullable ZoneId zone,
        @Nullable LocalTime quietStart,
        @Nullable LocalTime quietEnd,
        boolean dailyDigest,
        LocalTime digestAt,
        @Nullable Instant lastDigestAt) {

    public static final LocalTime DEFAULT_DIGEST_AT = LocalTime.of(7, 0);

    /** No row: every default. */
    public static RecipientSettings defaults(String email) {
        return new RecipientSettings(email, null, null, null, null, false, DEFAULT_DIGEST_AT, null);
    }

    /**
     * When quiet hours that include {@code now} end (in {@code zone}), or null when {@code now}
     * isn't in quiet hours. Start after end wraps past midnight (22:00–07:00).
     */
    public @Nullable Instant quietUntil(Instant now, ZoneId zone) {
        if (quietStart == null || quietEnd == null || quietStart.equals(quietEnd)) {
            return null;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean quiet = quietStart.isBefore(quietEnd)
                ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                : !time.isBefore(quietStart) || time.isBefore(quietEnd);
        if (!quiet) {
            return null;
        }
        LocalDate endDate = time.isBefore(quietEnd)
                ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(endDate, quietEnd, zone).toInstant();
    }

    /** The latest local digest time at or before {@code now}: the digest is due when it came after the last one. */
    public Instant lastDigestDue(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime due = ZonedDateTime.of(local.toLocalDate(), digestAt, zone);
        if (due.toInstant().isAfter(now)) {
            due = ZonedDateTime.of(local.toLocalDate().minusDays(1), digestAt, zone);
        }
        return due.toInstant();
    }

    public boolean digestDue(Instant now, ZoneId zone) {
        return dailyDigest && (lastDigestAt == null || lastDigestAt.isBefore(lastDigestDue(now, zone)));
    }
}
