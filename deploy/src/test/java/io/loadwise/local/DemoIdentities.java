package io.loadwise.local;

import io.loadwise.tenancy.TenantId;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.PartialImportRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Keycloak side of {@link DemoData}: the demo users with the fixed ids the demo rows refer to,
 * password {@value DemoData#PASSWORD}, their realm roles and organization memberships, and no
 * required actions, so every demo login works at once. Idempotent: existing users are left alone.
 *
 * <p>The two demo organizations themselves come with the realm file, because Keycloak keeps an
 * organization's id only on realm import (the admin API assigns a new one) and the tenant id must
 * equal it. Users keep their ids through the admin API's partial import, used here.
 */
public final class DemoIdentities {

    private static final Logger log = LoggerFactory.getLogger(DemoIdentities.class);

    private static final String REALM = "loadwise";

    /** A demo account; {@code tenant} is null for the platform admin, who belongs to none. */
    record DemoUser(
            int number,
            String username,
            String email,
            String firstName,
            String lastName,
            String realmRole,
            @Nullable TenantId tenant) {

        UUID id() {
            return DemoData.userId(number);
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser(1, "ruth", "ruth@stride.example", "Ruth", "Okafor", "coach", DemoData.STRIDE),
            new DemoUser(2, "sam", "sam@stride.example", "Sam", "Patel", "coach", DemoData.STRIDE),
            new DemoUser(11, "jess", "jess@stride.example", "Jess", "Moreno", "client", DemoData.STRIDE),
            new DemoUser(12, "priya", "priya@stride.example", "Priya", "Shah", "client", DemoData.STRIDE),
            new DemoUser(13, "dan", "dan@stride.example", "Dan", "Whitaker", "client", DemoData.STRIDE),
            new DemoUser(14, "lena", "lena@stride.example", "Lena", "Fischer", "client", DemoData.STRIDE),
            new DemoUser(21, "hana", "hana@harbour.example", "Hana", "Kim", "coach", DemoData.HARBOUR),
            new DemoUser(22, "omar", "omar@harbour.example", "Omar", "Haddad", "client", DemoData.HARBOUR),
            new DemoUser(90, "admin", "admin@loadwise.example", "Avery", "Admin", "platform-admin", null));

    private DemoIdentities() {}

    /**
     * Creates whatever of the demo identities is missing, as the master realm's admin
     * ({@code admin}/{@code admin} of the local Keycloak).
     *
     * @param keycloakUrl the Keycloak base URL, e.g. {@code http://localhost:8180}
     */
    public static void seed(String keycloakUrl) {
        try (Keycloak admin = Keycloak.getInstance(keycloakUrl, "master", "admin", "admin", "admin-cli")) {
            RealmResource realm = admin.realm(REALM);
            requireOrganization(realm, DemoData.STRIDE);
            requireOrganization(realm, DemoData.HARBOUR);

            PartialImportRepresentation users = new PartialImportRepresentation();
            users.setIfResourceExists(PartialImportRepresentation.Policy.SKIP.name());
            users.setUsers(USERS.stream().map(DemoIdentities::representation).toList());
            try (Response response = realm.partialImport(users)) {
                if (response.getStatus() != 200) {
                    throw new IllegalStateException("Keycloak refused the demo users (HTTP " + response.getStatus()
                            + "): " + response.readEntity(String.class));
                }
            }
            for (DemoUser user : USERS) {
                if (user.tenant() != null) {
                    try (Response response = realm.organizations()
                            .get(user.tenant().toString())
                            .members()
                            .addMember(user.id().toString())) {
                        // 409: already a member from an earlier run.
                        if (response.getStatus() != 201 && response.getStatus() != 409) {
                            throw new IllegalStateException("Could not add " + user.username() + " to " + user.tenant()
                                    + " (HTTP " + response.getStatus() + ")");
                        }
                    }
                }
            }
            log.info("Demo identities ready: {} users in the loadwise realm", USERS.size());
        }
    }

    private static void requireOrganization(RealmResource realm, TenantId tenant) {
        try {
            realm.organizations().get(tenant.toString()).toRepresentation();
        } catch (NotFoundException e) {
            throw new IllegalStateException("The demo organization " + tenant + " is missing from Keycloak. It comes"
                    + " with deploy/keycloak/loadwise-realm.json, which is imported only into an empty"
                    + " Keycloak: delete the local Keycloak data (LOADWISE_HOME/keycloak) to import it again.");
        }
    }

    private static UserRepresentation representation(DemoUser user) {
        UserRepresentation rep = new UserRepresentation();
        rep.setId(user.id().toString());
        rep.setUsername(user.username());
        rep.setEmail(user.email());
        rep.setFirstName(user.firstName());
        rep.setLastName(user.lastName());
        rep.setEnabled(true);
        rep.setEmailVerified(true);
        rep.setRequiredActions(List.of());
        // Imported users get only the roles listed, so the realm's default roles are named too.
        rep.setRealmRoles(List.of(user.realmRole(), "default-roles-" + REALM));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(DemoData.PASSWORD);
        password.setTemporary(false);
        rep.setCredentials(List.of(password));
        return rep;
    }
}
