package io.loadwise.notifications.inbox;

import static io.loadwise.jooq.Tables.TENANTS;

import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestTenants;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A business whose coach and two clients can log in to Keycloak; fresh names on every call. */
final class People {

    static final String PASSWORD = "people-password";

    final TenantId tenant;
    final String lead;
    final String ann;
    final String bea;
    final UUID leadMember;
    final UUID annMember;
    final UUID beaMember;

    private final KeycloakServer keycloak;

    People(KeycloakServer keycloak, KeycloakTestData data) {
        this.keycloak = keycloak;
        String slug = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
        tenant = TenantId.of(data.createOrganization(slug, "Stride " + slug));
        lead = slug + "-lead";
        ann = slug + "-ann";
        bea = slug + "-bea";
        UUID leadUser = UUID.fromString(data.createUser(lead, PASSWORD, tenant.toString(), "coach"));
        UUID annUser = UUID.fromString(data.createUser(ann, PASSWORD, tenant.toString(), "client"));
        UUID beaUser = UUID.fromString(data.createUser(bea, PASSWORD, tenant.toString(), "client"));
        TestTenants.seed(tenant, db -> db.insertInto(TENANTS)
                .set(TENANTS.ID, tenant.value())
                .set(TENANTS.SLUG, slug)
                .set(TENANTS.NAME, "Stride " + slug)
                .set(TENANTS.CREATED_AT, OffsetDateTime.now())
                .execute());
        leadMember = InboxRows.member(tenant, leadUser, "coach", "Leo Lead");
        annMember = InboxRows.member(tenant, annUser, "client", "Ann Runner");
        beaMember = InboxRows.member(tenant, beaUser, "client", "Bea Runner");
    }

    String token(String username) {
        return keycloak.tokenFor(username, PASSWORD);
    }
}
