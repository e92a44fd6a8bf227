package io.loadwise.privacy;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.TENANTS;

import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestTenants;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A coaching business as tests need it: a Keycloak organization, its tenant row, and people who can
 * log in (Keycloak user + member row) or clients who exist on the roster only.
 */
public final class DataRightsFixture {

    public static final String PASSWORD = "data-rights-password";

    private final KeycloakTestData keycloak;
    public final TenantId tenant;
    public final String slug;

    private DataRightsFixture(KeycloakTestData keycloak, TenantId tenant, String slug) {
        this.keycloak = keycloak;
        this.tenant = tenant;
        this.slug = slug;
    }

    public static DataRightsFixture business(KeycloakTestData keycloak, String name) {
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        TenantId tenant = TenantId.of(keycloak.createOrganization(slug, name + " " + slug));
        TestTenants.seed(tenant, db -> db.insertInto(TENANTS)
                .set(TENANTS.ID, tenant.value())
                .set(TENANTS.SLUG, slug)
                .set(TENANTS.NAME, name)
                .set(TENANTS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return new DataRightsFixture(keycloak, tenant, slug);
    }

    /** A coach (or the owner) who can log in; returns the member id. Username is {@code login}. */
    public UUID coach(String login, String role) {
        String userId = keycloak.createUser(login, PASSWORD, tenant.toString(), "coach");
        return member(UUID.fromString(userId), role, login + "@test.example", "Coach " + login);
    }

    /** A client with a login; returns the client id. */
    public Person client(String login, String name, @Nullable UUID leadCoach) {
        String userId = keycloak.createUser(login, PASSWORD, tenant.toString(), "client");
        UUID member = member(UUID.fromString(userId), "client", login + "@test.example", name);
        UUID client = rosterClient(member, name, login + "@test.example", leadCoach);
        return new Person(client, member, UUID.fromString(userId), login);
    }

    public UUID rosterClient(@Nullable UUID member, String name, String email, @Nullable UUID leadCoach) {
        UUID client = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(CLIENTS)
                .set(CLIENTS.TENANT_ID, tenant.value())
                .set(CLIENTS.ID, client)
                .set(CLIENTS.MEMBER_ID, member)
                .set(CLIENTS.COACH_ID, leadCoach)
                .set(CLIENTS.DISPLAY_NAME, name)
                .set(CLIENTS.EMAIL, email)
                .set(CLIENTS.STATUS, "active")
                .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return client;
    }

    private UUID member(UUID userId, String role, String email, String name) {
        UUID member = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, member)
                .set(MEMBERS.USER_ID, userId)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return member;
    }

    public record Person(UUID clientId, UUID memberId, UUID userId, String login) {}
}
