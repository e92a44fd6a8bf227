package io.loadwise.bench;

import io.loadwise.identity.KeycloakClaims;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Calls the application's services in-process as a member of a business: the authentication the
 * API's JWT filter would have set up from a verified Keycloak token with these claims, and the
 * tenant binding of {@code TenantBindingFilter}. For benchmarks that measure what happens after a
 * request was accepted (the HTTP layer is the roster benchmark's subject).
 */
final class BenchUsers {

    private BenchUsers() {}

    static <T> T as(UUID userId, TenantId tenant, Role role, Supplier<T> work) {
        Map<String, Object> claims = Map.of(
                "sub",
                userId.toString(),
                "name",
                "Bench user",
                "email",
                "bench-" + userId + "@example.com",
                "roles",
                List.of(role.realmRole()),
                KeycloakClaims.TENANT_CLAIM,
                Map.of("bench", Map.of("id", tenant.toString())));
        Instant now = Instant.now();
        Jwt jwt = Jwt.withTokenValue("bench")
                .header("alg", "none")
                .claims(c -> c.putAll(claims))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(3600))
                .build();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new JwtAuthenticationToken(jwt, KeycloakClaims.authorities(claims)));
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return TenantContext.callAs(tenant, work);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
