package io.loadwise.identity;

import io.loadwise.tenancy.TenantId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads Loadwise's claims from Keycloak tokens (access tokens for the API, ID tokens for the UI).
 *
 * <ul>
 *   <li>{@code tenant}: Keycloak's organization membership mapper with the organization id, shaped
 *       {@code {"<alias>": {"id": "<uuid>"}}}. Keycloak omits it when the user belongs to several
 *       organizations and none was picked, so a tenant is only taken when there is exactly one.
 *   <li>{@code realm_access.roles} (access token) or {@code roles} (ID token): realm roles.
 * </ul>
 */
public final class KeycloakClaims {

    public static final String TENANT_CLAIM = "tenant";
    public static final String ORGANIZATION_CLAIM = "organization";

    private KeycloakClaims() {}

    public static CurrentUser currentUser(Map<String, Object> claims) {
        return new CurrentUser(
                UUID.fromString(String.valueOf(claims.get("sub"))),
                tenant(claims).orElse(null),
                stringClaim(claims, "email"),
                Optional.ofNullable(stringClaim(claims, "name")).orElse(stringClaim(claims, "preferred_username")),
                roles(claims));
    }

    public static Optional<TenantId> tenant(Map<String, Object> claims) {
        if (!(claims.get(TENANT_CLAIM) instanceof Map<?, ?> organizations) || organizations.size() != 1) {
            return Optional.empty();
        }
        Object organization = organizations.values().iterator().next();
        if (organization instanceof Map<?, ?> details && details.get("id") instanceof String id) {
            try {
                return Optional.of(TenantId.of(id));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    public static Set<Role> roles(Map<String, Object> claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        addRoles(roles, claims.get("roles"));
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess) {
            addRoles(roles, realmAccess.get("roles"));
        }
        return roles;
    }

    public static Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        return roles(claims).stream()
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    private static void addRoles(Set<Role> into, @Nullable Object value) {
        if (value instanceof Collection<?> names) {
            names.forEach(name -> Role.fromRealmRole(String.valueOf(name)).ifPresent(into::add));
        }
    }

    private static @Nullable String stringClaim(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String s && !s.isBlank() ? s : null;
    }
}
