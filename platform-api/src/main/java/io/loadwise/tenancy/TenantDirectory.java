package io.loadwise.tenancy;

import io.loadwise.tenancy.internal.TenantRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds coaching businesses: by storefront slug, by id, or all of them for platform admins. */
@Service
@Transactional(readOnly = true)
public class TenantDirectory {

    private final TenantRepository tenants;

    TenantDirectory(TenantRepository tenants) {
        this.tenants = tenants;
    }

    /** Public: storefront pages resolve their tenant from the slug in the URL. */
    public Optional<Tenant> findBySlug(String slug) {
        return tenants.findBySlug(slug);
    }

    /**
     * Public: the business whose storefront is at {@code /t/<slug>}, when it is open. A business
     * whose owner has not confirmed their email yet has no storefront.
     */
    public Optional<Tenant> findStorefront(String slug) {
        return tenants.findActiveBySlug(slug);
    }

    public Optional<Tenant> findById(TenantId id) {
        return tenants.findById(id);
    }

    /**
     * The ids of the businesses that are open, for the platform's scheduled jobs (no user); the
     * job then works in each one under its own tenant.
     */
    public List<TenantId> activeTenantIds() {
        return tenants.findActiveIds();
    }

    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<Tenant> listAll() {
        return tenants.findAll();
    }
}
