package io.loadwise.ui.messaging;

import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the coaching business reads them: in its own time zone. */
public final class Timestamps {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Timestamps() {}

    /** The current tenant's time zone, UTC if it has none we know. */
    public static ZoneId zoneOf(TenantDirectory tenants) {
        return TenantContext.current()
                .flatMap(tenants::findById)
                .map(Tenant::timeZone)
                .map(Timestamps::zone)
                .orElse(ZoneOffset.UTC);
    }

    public static String dateTime(Instant at, ZoneId zone) {
        return DATE_TIME.format(at.atZone(zone));
    }

    public static String date(Instant at, ZoneId zone) {
        return DATE.format(at.atZone(zone));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
