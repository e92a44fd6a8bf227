package io.loadwise.testsupport;

import io.loadwise.identity.KeycloakClaims;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Calls application services in-process as a member of a business: the authentication the API's
 * JWT filter sets up from a verified Keycloak token with these claims, and the tenant binding of
 * {@code TenantBindingFilter}. For seeding and for tests and benchmarks whose subject is what
 * happens after a request was accepted.
 */
public final class ActingAs {

    private ActingAs() {}

    public static <T> T call(UUID userId, TenantId tenant, Role role, Supplier<T> work) {
        Map<String, Object> claims = Map.of(
                "sub",
                userId.toString(),
                "roles",
                List.of(role.realmRole()),
                KeycloakClaims.TENANT_CLAIM,
                Map.of("business", Map.of("id", tenant.toString())));
        Instant now = Instant.now();
        Jwt jwt = Jwt.withTokenValue("in-process")
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

    /**
     * As {@link #run(UUID, TenantId, Role, Runnable)}, for services of a given application context.
     * Method security reads the {@code SecurityContextHolderStrategy} bean of its own context (Vaadin
     * registers one per context and makes the newest the JVM-wide one), so when a test JVM holds
     * several contexts the JVM-wide holder alone may not be the one the service looks at.
     */
    public static void run(ApplicationContext app, UUID userId, TenantId tenant, Role role, Runnable work) {
        SecurityContextHolderStrategy strategy = app.getBeanProvider(SecurityContextHolderStrategy.class)
                .getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        run(userId, tenant, role, () -> {
            SecurityContext previous = strategy.getContext();
            strategy.setContext(SecurityContextHolder.getContext());
            try {
                work.run();
            } finally {
                strategy.setContext(previous);
            }
        });
    }

    public static void run(UUID userId, TenantId tenant, Role role, Runnable work) {
        call(userId, tenant, role, () -> {
            work.run();
            return null;
        });
    }
}
