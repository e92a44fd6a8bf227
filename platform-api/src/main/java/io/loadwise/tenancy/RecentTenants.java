package io.loadwise.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Businesses as they were at most {@link #KEEP} ago, for background work that needs a business's
 * name, slug, language or time zone for every event it handles (the notification consumers and
 * the notifier look one up per event and per recipient). Profiling a burst of notifications showed
 * those look-ups costing a sixth of a consumer's time; kept for a minute, a business is read once
 * a minute instead. A renamed business shows in notifications a minute later at most. Not for
 * anything that decides access: that reads {@link TenantDirectory}.
 */
@Component
public class RecentTenants {

    static final Duration KEEP = Duration.ofMinutes(1);

    private record Kept(Tenant tenant, Instant until) {}

    private final TenantDirectory directory;
    private final Clock clock;
    private final Map<TenantId, Kept> kept = new ConcurrentHashMap<>();

    RecentTenants(TenantDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Empty when there is no such business (that is not remembered: it may be created any moment). */
    public Optional<Tenant> find(TenantId id) {
        Instant now = clock.instant();
        Kept hit = kept.get(id);
        if (hit != null && now.isBefore(hit.until())) {
            return Optional.of(hit.tenant());
        }
        Optional<Tenant> found = directory.findById(id);
        found.ifPresent(tenant -> kept.put(id, new Kept(tenant, now.plus(KEEP))));
        return found;
    }
}
