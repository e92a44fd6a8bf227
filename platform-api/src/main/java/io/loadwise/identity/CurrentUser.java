package io.loadwise.identity;

import io.loadwise.tenancy.TenantId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated person behind a request, read from verified Keycloak claims.
 *
 * @param userId the Keycloak user id (token subject)
 * @param tenant the tenant from the token's organization membership, if exactly one
 */
public record CurrentUser(
        UUID userId,
        @Nullable TenantId tenant,
        @Nullable String email,
        @Nullable String displayName,
        Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenant);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
