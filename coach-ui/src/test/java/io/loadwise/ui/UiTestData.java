package io.loadwise.ui;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.TENANTS;

import io.loadwise.catalog.OfferKind;
import io.loadwise.roster.ClientStatus;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.TestTenants;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Seeds tenants, clients and offers straight into PostgreSQL, so the views under test read data
 * they did not write themselves. Each write binds its tenant first, as row level security demands.
 */
public final class UiTestData {

    private UiTestData() {}

    /** A tenant with a fresh id and slug, so tests sharing the database never see each other's rows. */
    public static SeededTenant tenant(String name, String currency, String locale) {
        TenantId id = new TenantId(UUID.randomUUID());
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
                + id.toString().substring(0, 8);
        TestTenants.seed(id, db -> db.insertInto(TENANTS)
                .set(TENANTS.ID, id.value())
                .set(TENANTS.SLUG, slug)
                .set(TENANTS.NAME, name)
                .set(TENANTS.CURRENCY, currency)
                .set(TENANTS.LOCALE, locale)
                .set(TENANTS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return new SeededTenant(id, slug, name);
    }

    /**
     * A coach of the business ({@code role} "owner" or "coach") whose Keycloak user id is {@code userId}.
     *
     * @return the member id
     */
    public static UUID member(SeededTenant tenant, UUID userId, String role, String name) {
        UUID member = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.id().value())
                .set(MEMBERS.ID, member)
                .set(MEMBERS.USER_ID, userId)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, member + "@members.example")
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return member;
    }

    /** @return the client id */
    public static UUID client(SeededTenant tenant, String name, String email, ClientStatus status) {
        return client(tenant, UUID.randomUUID(), name, email, status, null);
    }

    /**
     * A client who can sign in as Keycloak user {@code userId}, led by {@code coach} (a member id) or
     * nobody.
     *
     * @return the client id
     */
    public static UUID client(
            SeededTenant tenant, UUID userId, String name, String email, ClientStatus status, @Nullable UUID coach) {
        UUID client = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> {
            UUID member = UUID.randomUUID();
            db.insertInto(MEMBERS)
                    .set(MEMBERS.TENANT_ID, tenant.id().value())
                    .set(MEMBERS.ID, member)
                    .set(MEMBERS.USER_ID, userId)
                    .set(MEMBERS.ROLE, "client")
                    .set(MEMBERS.EMAIL, email)
                    .set(MEMBERS.DISPLAY_NAME, name)
                    .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                    .execute();
            db.insertInto(CLIENTS)
                    .set(CLIENTS.TENANT_ID, tenant.id().value())
                    .set(CLIENTS.ID, client)
                    .set(CLIENTS.MEMBER_ID, member)
                    .set(CLIENTS.COACH_ID, coach)
                    .set(CLIENTS.DISPLAY_NAME, name)
                    .set(CLIENTS.EMAIL, email)
                    .set(CLIENTS.STATUS, status.dbValue())
                    .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                    .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                    .execute();
        });
        return client;
    }

    public static void offer(
            SeededTenant tenant,
            OfferKind kind,
            String title,
            long priceMinor,
            String currency,
            @Nullable String billingInterval,
            int position,
            boolean active) {
        TestTenants.seed(tenant.id(), db -> db.insertInto(OFFERS)
                .set(OFFERS.TENANT_ID, tenant.id().value())
                .set(OFFERS.ID, UUID.randomUUID())
                .set(OFFERS.KIND, kind.dbValue())
                .set(OFFERS.TITLE, title)
                .set(OFFERS.SUMMARY, "About " + title)
                .set(OFFERS.PRICE_MINOR, priceMinor)
                .set(OFFERS.CURRENCY, currency)
                .set(OFFERS.BILLING_INTERVAL, billingInterval)
                .set(OFFERS.POSITION, position)
                .set(OFFERS.ACTIVE, active)
                .set(OFFERS.CREATED_AT, OffsetDateTime.now())
                .execute());
    }

    public record SeededTenant(TenantId id, String slug, String name) {}
}
