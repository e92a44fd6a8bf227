package io.loadwise.testsupport;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Organizations and ready-to-log-in users for tests, created through Keycloak's admin API as the
 * master realm's admin, the way an operator would. Tests use fresh aliases and names so they never
 * depend on each other's data.
 */
public final class KeycloakTestData implements AutoCloseable {

    private final Keycloak admin;

    private KeycloakTestData(Keycloak admin) {
        this.admin = admin;
    }

    public static KeycloakTestData of(KeycloakServer server) {
        return new KeycloakTestData(Keycloak.getInstance(
                server.url(), "master", KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD, "admin-cli"));
    }

    public RealmResource realm() {
        return admin.realm(KeycloakServer.REALM);
    }

    /** @return the organization id */
    public String createOrganization(String alias, String name) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setAlias(alias);
        organization.setName(name);
        organization.setEnabled(true);
        try (Response response = realm().organizations().create(organization)) {
            return createdId(response, "organization " + alias);
        }
    }

    /**
     * A user who can log in right away with {@code password}: verified email, no required actions.
     *
     * @param organizationId the organization to join, or null for none
     * @return the user id
     */
    public String createUser(String username, String password, @Nullable String organizationId, String... realmRoles) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(username + "@test.example");
        user.setFirstName("Test");
        user.setLastName(username);
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        String id;
        try (Response response = realm().users().create(user)) {
            id = createdId(response, "user " + username);
        }
        List<RoleRepresentation> roles = Arrays.stream(realmRoles)
                .map(role -> realm().roles().get(role).toRepresentation())
                .toList();
        if (!roles.isEmpty()) {
            realm().users().get(id).roles().realmLevel().add(roles);
        }
        if (organizationId != null) {
            try (Response response =
                    realm().organizations().get(organizationId).members().addMember(id)) {
                if (response.getStatus() != 201) {
                    throw new IllegalStateException("Could not add " + username + " to " + organizationId + " (HTTP "
                            + response.getStatus() + ")");
                }
            }
        }
        return id;
    }

    /** What an invited user does on first login: set a password, verify the address. */
    public void completeInvitation(String userId, String password) {
        UserRepresentation user = realm().users().get(userId).toRepresentation();
        user.setRequiredActions(List.of());
        user.setEmailVerified(true);
        realm().users().get(userId).update(user);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm().users().get(userId).resetPassword(credential);
    }

    private static String createdId(Response response, String what) {
        if (response.getStatus() != 201) {
            throw new IllegalStateException("Keycloak refused to create " + what + " (HTTP " + response.getStatus()
                    + "): " + response.readEntity(String.class));
        }
        String path = response.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public void close() {
        admin.close();
    }
}
