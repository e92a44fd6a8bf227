package io.loadwise.identity;

import io.loadwise.tenancy.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates the identity side of tenants and their people in Keycloak.
 *
 * <p>Implemented with keycloak-admin-client through the provisioning service account.
 */
public interface IdentityProvisioning {

    /**
     * Creates a Keycloak organization for a new coaching business and its owner's account.
     *
     * @return the organization id (which becomes the tenant id) and the owner's user id
     */
    ProvisionedTenant createTenant(String name, String slug, String ownerEmail, String ownerName);

    /**
     * Undoes {@link #createTenant}: deletes the organization and the owner's account. For a
     * signup whose database half failed, so that no half-created business remains.
     */
    void deleteTenant(ProvisionedTenant tenant);

    /**
     * Creates (or reuses) a user, makes them a member of the tenant's organization with the given
     * realm role, and requires them to set a password and verify their email on first login.
     *
     * @return the Keycloak user id
     */
    UUID inviteUser(TenantId tenant, String email, String displayName, Role role);

    /** The Keycloak account registered with this email address, if any. */
    Optional<UUID> findUserByEmail(String email);

    /**
     * Sets the user's password and marks their email verified (they proved it by following a link
     * we mailed there), clearing the required actions an invite left.
     *
     * @throws PasswordRejectedException when the realm's password policy refuses the password
     */
    void setPassword(UUID userId, String password);

    /** Ends the user's membership in the tenant's organization, so their logins no longer name it. */
    void removeFromTenant(TenantId tenant, UUID userId);

    /**
     * Removes a person's login for the tenant, as their erasure requires: the Keycloak account is
     * deleted, unless it also belongs to another organization (the same person with a second coaching
     * business), in which case only this tenant's membership goes. Idempotent: an account that is
     * already gone is reported, not an error.
     */
    AccountRemoval deleteUser(TenantId tenant, UUID userId);

    /** What {@link #deleteUser} did. */
    enum AccountRemoval {
        /** The Keycloak account was deleted. */
        DELETED,
        /** The account belongs to another organization too: only this tenant's membership was removed. */
        LEFT_ORGANIZATION,
        /** There was no such account (any more). */
        NOT_FOUND
    }

    record ProvisionedTenant(TenantId tenantId, UUID ownerUserId) {}
}
