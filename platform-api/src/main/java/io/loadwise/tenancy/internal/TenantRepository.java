package io.loadwise.tenancy.internal;

import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.TENANTS;
import static io.loadwise.jooq.Tables.TENANT_LOGOS;

import io.loadwise.jooq.tables.records.TenantsRecord;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantId;
import io.loadwise.tenancy.TenantLogo;
import io.loadwise.tenancy.TenantSettings;
import io.loadwise.tenancy.TenantSettingsChange;
import io.loadwise.tenancy.TenantStatus;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

    public Optional<Tenant> findActiveBySlug(String slug) {
        return db.selectFrom(TENANTS)
                .where(TENANTS.SLUG.eq(slug), TENANTS.STATUS.eq(TenantStatus.ACTIVE.dbValue()))
                .fetchOptional(TenantRepository::toTenant);
    }

    public Optional<Tenant> findById(TenantId id) {
        return db.selectFrom(TENANTS).where(TENANTS.ID.eq(id.value())).fetchOptional(TenantRepository::toTenant);
    }

    public List<TenantId> findActiveIds() {
        return db.select(TENANTS.ID)
                .from(TENANTS)
                .where(TENANTS.STATUS.eq(TenantStatus.ACTIVE.dbValue()))
                .orderBy(TENANTS.ID)
                .fetch(r -> new TenantId(r.value1()));
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
                .set(TENANTS.CREATED_AT, now())
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void insertPending(TenantId tenant, TenantSettingsChange settings) {
        db.insertInto(TENANTS)
                .set(TENANTS.ID, tenant.value())
                .set(TENANTS.SLUG, settings.slug())
                .set(TENANTS.NAME, settings.name())
                .set(TENANTS.CURRENCY, settings.currency())
                .set(TENANTS.TIME_ZONE, settings.timeZone())
                .set(TENANTS.LOCALE, settings.locale())
                .set(TENANTS.BRAND_COLOR, settings.brandColor())
                .set(TENANTS.STATUS, TenantStatus.PENDING.dbValue())
                .set(TENANTS.CREATED_AT, now())
                .execute();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void activate(TenantId tenant) {
        db.update(TENANTS)
                .set(TENANTS.STATUS, TenantStatus.ACTIVE.dbValue())
                .set(TENANTS.UPDATED_AT, now())
                .set(TENANTS.VERSION, TENANTS.VERSION.plus(1))
                .where(TENANTS.ID.eq(tenant.value()), TENANTS.STATUS.eq(TenantStatus.PENDING.dbValue()))
                .execute();
    }

    public Optional<TenantSettings> settings(TenantId tenant) {
        return db.select(TENANTS.asterisk(), TENANT_LOGOS.UPDATED_AT)
                .from(TENANTS)
                .leftJoin(TENANT_LOGOS)
                .on(TENANT_LOGOS.TENANT_ID.eq(TENANTS.ID))
                .where(TENANTS.ID.eq(tenant.value()))
                .fetchOptional(r -> {
                    TenantsRecord t = r.into(TENANTS);
                    OffsetDateTime logo = r.get(TENANT_LOGOS.UPDATED_AT);
                    return new TenantSettings(
                            new TenantId(t.getId()),
                            t.getSlug(),
                            t.getName(),
                            t.getCurrency(),
                            t.getTimeZone(),
                            t.getLocale(),
                            t.getBrandColor(),
                            TenantStatus.fromDb(t.getStatus()),
                            t.getVersion(),
                            logo == null ? null : logo.toInstant());
                });
    }

    public boolean slugTakenByAnother(TenantId tenant, String slug) {
        return db.fetchExists(TENANTS, TENANTS.SLUG.eq(slug), TENANTS.ID.ne(tenant.value()));
    }

    /** @return false when {@code expectedVersion} is no longer current (nothing changed) */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean update(TenantId tenant, int expectedVersion, TenantSettingsChange settings) {
        return db.update(TENANTS)
                        .set(TENANTS.NAME, settings.name())
                        .set(TENANTS.SLUG, settings.slug())
                        .set(TENANTS.BRAND_COLOR, settings.brandColor())
                        .set(TENANTS.CURRENCY, settings.currency())
                        .set(TENANTS.TIME_ZONE, settings.timeZone())
                        .set(TENANTS.LOCALE, settings.locale())
                        .set(TENANTS.UPDATED_AT, now())
                        .set(TENANTS.VERSION, TENANTS.VERSION.plus(1))
                        .where(TENANTS.ID.eq(tenant.value()), TENANTS.VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    /** A new logo is a change of the settings too: the version moves, so the ETag does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void saveLogo(TenantId tenant, String contentType, byte[] bytes) {
        OffsetDateTime now = now();
        db.insertInto(TENANT_LOGOS)
                .set(TENANT_LOGOS.TENANT_ID, tenant.value())
                .set(TENANT_LOGOS.CONTENT_TYPE, contentType)
                .set(TENANT_LOGOS.BYTES, bytes)
                .set(TENANT_LOGOS.UPDATED_AT, now)
                .onConflict(TENANT_LOGOS.TENANT_ID)
                .doUpdate()
                .set(TENANT_LOGOS.CONTENT_TYPE, contentType)
                .set(TENANT_LOGOS.BYTES, bytes)
                .set(TENANT_LOGOS.UPDATED_AT, now)
                .execute();
        bumpVersion(tenant, now);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteLogo(TenantId tenant) {
        if (db.deleteFrom(TENANT_LOGOS)
                        .where(TENANT_LOGOS.TENANT_ID.eq(tenant.value()))
                        .execute()
                > 0) {
            bumpVersion(tenant, now());
        }
    }

    public Optional<TenantLogo> logo(TenantId tenant) {
        return db.selectFrom(TENANT_LOGOS)
                .where(TENANT_LOGOS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> new TenantLogo(
                        r.getContentType(), r.getBytes(), r.getUpdatedAt().toInstant()));
    }

    public Optional<java.time.Instant> logoUpdatedAt(TenantId tenant) {
        return db.select(TENANT_LOGOS.UPDATED_AT)
                .from(TENANT_LOGOS)
                .where(TENANT_LOGOS.TENANT_ID.eq(tenant.value()))
                .fetchOptional(r -> r.value1().toInstant());
    }

    public boolean isActiveOwner(UUID userId) {
        return db.fetchExists(
                MEMBERS, MEMBERS.USER_ID.eq(userId), MEMBERS.ROLE.eq("owner"), MEMBERS.REMOVED_AT.isNull());
    }

    private void bumpVersion(TenantId tenant, OffsetDateTime now) {
        db.update(TENANTS)
                .set(TENANTS.VERSION, TENANTS.VERSION.plus(1))
                .set(TENANTS.UPDATED_AT, now)
                .where(TENANTS.ID.eq(tenant.value()))
                .execute();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
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
