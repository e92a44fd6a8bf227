package io.loadwise.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.KeycloakClaims;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The UI boundary for browserless tests: what Spring Security holds after a Keycloak login (an
 * {@link OAuth2AuthenticationToken} around the OIDC user from the ID token), and the tenant
 * binding that {@code TenantBindingFilter} does for every real request.
 */
public final class SignedIn implements AutoCloseable {

    private final TenantContext.@Nullable Scope tenantScope;

    private SignedIn(TenantContext.@Nullable Scope tenantScope) {
        this.tenantScope = tenantScope;
    }

    /** Signs in a Keycloak user who belongs to {@code tenant} (or none) with the given realm roles. */
    public static SignedIn as(String name, @Nullable TenantId tenant, Role... roles) {
        return as(UUID.randomUUID(), name, tenant, roles);
    }

    /** As {@link #as(String, TenantId, Role...)}, for the user with that Keycloak id (e.g. a seeded member). */
    public static SignedIn as(UUID userId, String name, @Nullable TenantId tenant, Role... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", userId.toString());
        claims.put("name", name);
        claims.put("email", name.toLowerCase().replace(' ', '.') + "@example.com");
        claims.put("roles", Arrays.stream(roles).map(Role::realmRole).toList());
        if (tenant != null) {
            claims.put(KeycloakClaims.TENANT_CLAIM, Map.of("some-alias", Map.of("id", tenant.toString())));
        }
        OidcIdToken idToken =
                new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(300), claims);
        List<GrantedAuthority> authorities = new ArrayList<>(KeycloakClaims.authorities(claims));
        authorities.add(new OidcUserAuthority(idToken));
        DefaultOidcUser user = new DefaultOidcUser(authorities, idToken);
        OAuth2AuthenticationToken authentication = new OAuth2AuthenticationToken(user, authorities, "keycloak");
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(securityContext);
        // Also where a running server keeps it: the HTTP session. Vaadin's security context strategy
        // reads the session first, and each cached Spring test context has a strategy instance of its
        // own, so a thread-local alone is seen only by the context created last.
        VaadinSession.getCurrent()
                .getSession()
                .setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);

        // Vaadin's navigation access control asks the servlet request, as it does behind Spring
        // Security's request wrapper in a running server.
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) ->
                authorities.stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));

        Optional<TenantId> bound = CurrentUsers.current().flatMap(CurrentUser::tenantId);
        return new SignedIn(bound.map(TenantContext::bind).orElse(null));
    }

    @Override
    public void close() {
        if (tenantScope != null) {
            tenantScope.close();
        }
        SecurityContextHolder.clearContext();
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
    }
}
