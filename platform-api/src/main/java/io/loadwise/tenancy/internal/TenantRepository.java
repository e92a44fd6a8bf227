package io.loadwise.tenancy.internal;

import static io.loadwise.jooq.Tables.TENANTS;

import io.loadwise.jooq.tables.records.TenantsRecord;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class TenantRepository {

    private final DSLContext db;
    private final Clock clock;

    TenantRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<Tenant> findBySlug(String slug) {
        return db.selectFrom(TENANTS).where(TENANTS.SLUG.eq(slug)).fetchOptional(TenantRepository::toTenant);
    }

    public Optional<Tenant> findById(TenantId id) {
        return db.selectFrom(TENANTS).where(TENANTS.ID.eq(id.value())).fetchOptional(TenantRepository::toTenant);
    }

    public List<Tenant> findAll() {
        return db.selectFrom(TENANTS).orderBy(TENANTS.NAME, TENANTS.ID).fetch(TenantRepository::toTenant);
    }

    /** Inserts a tenant; row level security only allows it for the tenant bound to the transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void insert(Tenant tenant) {
        db.insertInto(TENANTS)
                .set(TENANTS.ID, tenant.id().value())
                .set(TENANTS.SLUG, tenant.slug())
                .set(TENANTS.NAME, tenant.name())
                .set(TENANTS.CURRENCY, tenant.currency())
                .set(TENANTS.TIME_ZONE, tenant.timeZone())
                .set(TENANTS.LOCALE, tenant.locale())
                .set(TENANTS.BRAND_COLOR, tenant.brandColor())
                .set(TENANTS.CREATED_AT, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .execute();
    }

    private static Tenant toTenant(TenantsRecord r) {
        return new Tenant(
                new TenantId(r.getId()),
                r.getSlug(),
                r.getName(),
                r.getCurrency(),
                r.getTimeZone(),
                r.getLocale(),
                r.getBrandColor());
    }
}
