package io.loadwise.ui.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.loadwise.identity.IdentityProperties;
import io.loadwise.identity.KeycloakClaims;
import io.loadwise.identity.RemovedMembers;
import io.loadwise.identity.TenantBindingFilter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Security for people in browsers: every request that the API and operations chains don't claim.
 *
 * <p>Login is OIDC authorization code against Keycloak; logout ends the Keycloak session too
 * (RP-initiated logout) and comes back to the app root. Storefront pages ({@code /t/<slug>}) and
 * the error pages are public, as are the signup ({@code /signup}) and set-password
 * ({@code /welcome/<token>}) pages by their {@code @AnonymousAllowed}; logos are served publicly by
 * platform-api's own chain. Vaadin's navigation access control enforces the view annotations.
 */
@Configuration(proxyBeanMethods = false)
public class UiSecurityConfiguration {

    static final String REGISTRATION_ID = "keycloak";

    /** Spring Security's OAuth2 login endpoint for the Keycloak registration; not a Vaadin route. */
    public static final String LOGIN_URL = "/oauth2/authorization/" + REGISTRATION_ID;

    @Bean
    @Order(10)
    SecurityFilterChain uiSecurity(HttpSecurity http, RemovedMembers removedMembers) throws Exception {
        http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(keycloakRoles())));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(LOGIN_URL, "{baseUrl}"));
        // The same binding the API uses: the tenant comes from the verified ID token, for the whole
        // request, so every service call a view makes runs under row level security for it.
        http.addFilterAfter(new TenantBindingFilter(removedMembers), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Built from {@link IdentityProperties} instead of issuer discovery, so the application starts
     * (and serves storefronts) while Keycloak is still booting or briefly away.
     */
    @Bean
    ClientRegistrationRepository clientRegistrations(IdentityProperties identity) {
        return new InMemoryClientRegistrationRepository(keycloak(identity));
    }

    static ClientRegistration keycloak(IdentityProperties identity) {
        boolean confidential = !identity.uiClientSecret().isBlank();
        ClientRegistration.Builder builder = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(identity.uiClientId())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email", "organization")
                .authorizationUri(identity.authorizationUri())
                .tokenUri(identity.tokenUri())
                .userInfoUri(identity.userInfoUri())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .jwkSetUri(identity.jwkSetUri())
                .issuerUri(identity.issuer())
                // Read by OidcClientInitiatedLogoutSuccessHandler for RP-initiated logout.
                .providerConfigurationMetadata(Map.of("end_session_endpoint", identity.endSessionUri()));
        if (confidential) {
            builder.clientSecret(identity.uiClientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        } else {
            // A public client (local runs without a secret) is protected by PKCE instead.
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return builder.build();
    }

    /** Adds ROLE_COACH, ROLE_CLIENT or ROLE_PLATFORM_ADMIN from the Keycloak realm roles in the ID token. */
    static GrantedAuthoritiesMapper keycloakRoles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    mapped.addAll(KeycloakClaims.authorities(oidc.getAttributes()));
                }
            }
            return mapped;
        };
    }
}
