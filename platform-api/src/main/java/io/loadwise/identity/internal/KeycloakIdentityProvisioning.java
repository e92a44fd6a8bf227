package io.loadwise.identity.internal;

import io.loadwise.identity.IdentityProperties;
import io.loadwise.identity.IdentityProvisioning;
import io.loadwise.identity.PasswordRejectedException;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.TenantId;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provisions organizations and users through keycloak-admin-client, authenticated as the
 * provisioning service account (client credentials). The admin client is created on first use so
 * the application starts while Keycloak is still booting.
 */
@Component
class KeycloakIdentityProvisioning implements IdentityProvisioning, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityProvisioning.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IdentityProperties properties;
    private volatile Keycloak keycloak;

    KeycloakIdentityProvisioning(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public ProvisionedTenant createTenant(String name, String slug, String ownerEmail, String ownerName) {
        String organizationId = createOrganization(name, slug);
        TenantId tenant = TenantId.of(organizationId);
        try {
            UUID owner = inviteUser(tenant, ownerEmail, ownerName, Role.COACH);
            return new ProvisionedTenant(tenant, owner);
        } catch (RuntimeException e) {
            deleteOrganization(organizationId);
            throw e;
        }
    }

    /**
     * Aliases are unique and immutable in Keycloak while slugs can change, so an old business can
     * still hold the alias of a slug that is free in Loadwise: then a suffixed alias is used (it
     * only names the organization inside tokens; rows store the id).
     */
    private String createOrganization(String name, String slug) {
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setName(name);
        organization.setAlias(slug);
        organization.setEnabled(true);
        try (Response response = realm().organizations().create(organization)) {
            if (response.getStatus() != Response.Status.CONFLICT.getStatusCode()) {
                return createdId(response, "organization " + slug);
            }
        }
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        organization.setAlias(slug + "-" + suffix);
        // Names are unique too; the tenant row keeps the real name.
        organization.setName(name + " (" + suffix + ")");
        try (Response response = realm().organizations().create(organization)) {
            return createdId(response, "organization " + organization.getAlias());
        }
    }

    @Override
    public void deleteTenant(ProvisionedTenant tenant) {
        RealmResource realm = realm();
        try (Response response = realm.users().delete(tenant.ownerUserId().toString())) {
            if (response.getStatus() >= 300 && response.getStatus() != 404) {
                log.warn("Could not delete user {} (HTTP {})", tenant.ownerUserId(), response.getStatus());
            }
        }
        deleteOrganization(tenant.tenantId().toString());
    }

    private void deleteOrganization(String organizationId) {
        try (Response response = realm().organizations().get(organizationId).delete()) {
            if (response.getStatus() >= 300 && response.getStatus() != 404) {
                log.warn("Could not delete organization {} (HTTP {})", organizationId, response.getStatus());
            }
        }
    }

    @Override
    public Optional<UUID> findUserByEmail(String email) {
        return findUserByEmail(realm(), email).map(UUID::fromString);
    }

    @Override
    public void setPassword(UUID userId, String password) {
        var user = realm().users().get(userId.toString());
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        try {
            user.resetPassword(credential);
        } catch (BadRequestException e) {
            throw new PasswordRejectedException(policyMessage(e.getResponse()));
        }
        UserRepresentation representation = user.toRepresentation();
        representation.setEmailVerified(true);
        representation.setRequiredActions(List.of());
        user.update(representation);
    }

    /** Keycloak answers {@code {"error": "...", "error_description": "Invalid password: ..."}}. */
    private static String policyMessage(Response response) {
        try {
            JsonNode body = JSON.readTree(response.readEntity(String.class));
            JsonNode description = body.path("error_description");
            if (description.isString() && !description.asString().isBlank()) {
                return description.asString();
            }
        } catch (RuntimeException e) {
            // Fall through to the generic message below.
        }
        return "This password is not allowed. Choose a longer one.";
    }

    @Override
    public void removeFromTenant(TenantId tenant, UUID userId) {
        try (Response response = realm().organizations()
                .get(tenant.toString())
                .members()
                .member(userId.toString())
                .delete()) {
            if (response.getStatus() >= 300 && response.getStatus() != 404) {
                throw new ProvisioningException("Keycloak refused to remove " + userId + " from organization " + tenant
                        + " (HTTP " + response.getStatus() + ")");
            }
        } catch (NotFoundException e) {
            // Not a member (any more): nothing to remove.
        }
    }

    @Override
    public UUID inviteUser(TenantId tenant, String email, String displayName, Role role) {
        RealmResource realm = realm();
        String userId = findUserByEmail(realm, email).orElseGet(() -> createUser(realm, email, displayName));
        RoleRepresentation realmRole = realm.roles().get(role.realmRole()).toRepresentation();
        realm.users().get(userId).roles().realmLevel().add(List.of(realmRole));
        try (Response response =
                realm.organizations().get(tenant.toString()).members().addMember(userId)) {
            // 409: already a member, as when a coach invites someone who is already on the team.
            if (response.getStatus() >= 300 && response.getStatus() != Response.Status.CONFLICT.getStatusCode()) {
                throw new ProvisioningException("Keycloak refused to add " + email + " to organization " + tenant
                        + " (HTTP " + response.getStatus() + ")");
            }
        }
        return UUID.fromString(userId);
    }

    @Override
    public AccountRemoval deleteUser(TenantId tenant, UUID userId) {
        RealmResource realm = realm();
        String id = userId.toString();
        try {
            realm.users().get(id).toRepresentation();
        } catch (NotFoundException e) {
            return AccountRemoval.NOT_FOUND;
        }
        boolean inAnotherOrganization = realm.organizations().members().getOrganizations(id, true).stream()
                .anyMatch(organization -> !tenant.toString().equals(organization.getId()));
        if (inAnotherOrganization) {
            try (Response response =
                    realm.organizations().get(tenant.toString()).members().removeMember(id)) {
                if (response.getStatus() >= 300 && response.getStatus() != Response.Status.NOT_FOUND.getStatusCode()) {
                    throw new ProvisioningException("Keycloak refused to remove " + id + " from organization " + tenant
                            + " (HTTP " + response.getStatus() + ")");
                }
            }
            return AccountRemoval.LEFT_ORGANIZATION;
        }
        try (Response response = realm.users().delete(id)) {
            if (response.getStatus() == Response.Status.NOT_FOUND.getStatusCode()) {
                return AccountRemoval.NOT_FOUND;
            }
            if (response.getStatus() >= 300) {
                throw new ProvisioningException(
                        "Keycloak refused to delete user " + id + " (HTTP " + response.getStatus() + ")");
            }
        }
        return AccountRemoval.DELETED;
    }

    private Optional<String> findUserByEmail(RealmResource realm, String email) {
        return realm.users().searchByEmail(email, true).stream().findFirst().map(UserRepresentation::getId);
    }

    private String createUser(RealmResource realm, String email, String displayName) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEnabled(true);
        user.setEmailVerified(false);
        String name = keycloakName(displayName);
        int space = name.indexOf(' ');
        user.setFirstName(space > 0 ? name.substring(0, space) : name);
        user.setLastName(space > 0 ? name.substring(space + 1) : "");
        // The invite link leads to setting a password; Keycloak also asks to verify the address.
        user.setRequiredActions(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
        try (Response response = realm.users().create(user)) {
            return createdId(response, "user " + email);
        }
    }

    /**
     * Keycloak's user profile refuses names with characters like {@code < > & " ( ) / ;} (its
     * person-name validator), which people do type. Keycloak gets the name without them; our
     * member row keeps the name as typed, and every page and mail escapes it.
     */
    static String keycloakName(String displayName) {
        String cleaned = displayName
                .replaceAll("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return cleaned.isEmpty() ? "Member" : cleaned;
    }

    private static String createdId(Response response, String what) {
        if (response.getStatus() != 201) {
            throw new ProvisioningException(
                    "Keycloak refused to create " + what + " (HTTP " + response.getStatus() + ")");
        }
        URI location = response.getLocation();
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private RealmResource realm() {
        Keycloak client = keycloak;
        if (client == null) {
            synchronized (this) {
                client = keycloak;
                if (client == null) {
                    client = KeycloakBuilder.builder()
                            .serverUrl(properties.url().toString())
                            .realm(properties.realm())
                            .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                            .clientId(properties.provisioningClientId())
                            .clientSecret(properties.provisioningClientSecret())
                            .build();
                    keycloak = client;
                }
            }
        }
        return client.realm(properties.realm());
    }

    @Override
    public void destroy() {
        Keycloak client = keycloak;
        if (client != null) {
            client.close();
        }
    }

    /** Keycloak refused a provisioning step. */
    static final class ProvisioningException extends RuntimeException {
        ProvisioningException(String message) {
            super(message);
        }
    }
}
