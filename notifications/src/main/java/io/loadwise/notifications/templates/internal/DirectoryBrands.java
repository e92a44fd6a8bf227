package io.loadwise.notifications.templates.internal;

import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import io.loadwise.tenancy.TenantSettingsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Branding from the tenant directory and the storefront's public logo. A mail worker renders
 * hundreds of mails a second, mostly for a few businesses, so a brand is kept for a minute: a new
 * colour or logo shows in mails a minute later at most, and the database is asked once a minute
 * per business instead of twice per mail.
 */
@Component
class DirectoryBrands implements Brands {

    static final Duration KEEP = Duration.ofMinutes(1);

    /** Where platform-api's TenantLogoController serves a logo, publicly (versioned by its change). */
    static final String LOGO_PATH = "/tenant-logos/";

    private record Kept(Brand brand, Instant until) {}

    private final TenantDirectory directory;
    private final TenantSettingsService settings;
    private final NotificationsProperties properties;
    private final Clock clock;
    private final Map<TenantId, Kept> kept = new ConcurrentHashMap<>();

    DirectoryBrands(
            TenantDirectory directory,
            TenantSettingsService settings,
            NotificationsProperties properties,
            Clock clock) {
        this.directory = directory;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Brand of(TenantId tenant) {
        Instant now = clock.instant();
        Kept hit = kept.get(tenant);
        if (hit != null && now.isBefore(hit.until())) {
            return hit.brand();
        }
        Brand brand = load(tenant);
        kept.put(tenant, new Kept(brand, now.plus(KEEP)));
        return brand;
    }

    private Brand load(TenantId id) {
        Tenant tenant = directory
                .findById(id)
                .orElseThrow(() -> new IllegalStateException("No business " + id + " to brand a notification for"));
        String logo = settings.logoUpdatedAt(id)
                .map(updated -> properties.link(LOGO_PATH + id + "?v=" + updated.toEpochMilli()))
                .orElse(null);
        return new Brand(tenant.name(), tenant.slug(), tenant.brandColor(), logo);
    }
}
