package io.loadwise.web;

import io.loadwise.identity.IdentityProperties;
import io.loadwise.identity.KeycloakClaims;
import io.loadwise.identity.RemovedMembers;
import io.loadwise.identity.Role;
import io.loadwise.identity.TenantBindingFilter;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Security for machine-facing endpoints: {@code /api/**} takes Keycloak JWTs only (issuer,
 * audience, expiry and signature checked), and health, metrics and the OpenAPI document are open.
 * The Vaadin UI brings its own, lower-priority chain.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(IdentityProperties.class)
class ApiSecurityConfiguration {

    /**
     * No observation per security filter: wrapping every filter of every chain in its own span cost
     * more CPU than the webhook intake's own work (signature, JSON, insert) when profiled under a
     * burst (docs/benchmarks.md, webhook ingest). Each request keeps its {@code http.server.requests}
     * observation, and authentications and authorizations keep theirs.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http, ProblemDetailsSecurityHandler problems, RemovedMembers removedMembers) throws Exception {
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(jwt -> KeycloakClaims.authorities(jwt.getClaims()));
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        // Platform admins see tenants, not clients: their one way to client data is the
                        // audited break-glass under /api/v1/admin.
                        .requestMatchers(
                                "/api/v1/clients",
                                "/api/v1/clients/**",
                                // and not a business's coaching material either
                                "/api/v1/exercises",
                                "/api/v1/exercises/**",
                                "/api/v1/plan-templates",
                                "/api/v1/plan-templates/**")
                        .access(AuthorizationManagers.allOf(
                                AuthenticatedAuthorizationManager.authenticated(),
                                AuthorizationManagers.not(
                                        AuthorityAuthorizationManager.hasRole(Role.PLATFORM_ADMIN.name()))))
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new TenantBindingFilter(removedMembers), BearerTokenAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operationsSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/prometheus",
                        "/actuator/info",
                        "/v3/api-docs",
                        "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Verifies signature (keys fetched lazily from Keycloak), expiry, issuer and audience. Keys are
     * not fetched at start-up, so the API starts even while Keycloak is still booting.
     */
    @Bean
    JwtDecoder jwtDecoder(IdentityProperties identity) {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(identity.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(identity.issuer()), audience(identity.apiAudience())));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String expected) {
        return jwt -> {
            List<String> audience = jwt.getAudience();
            if (audience != null && audience.contains(expected)) {
                return OAuth2TokenValidatorResult.success();
            }
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(
                    "invalid_token",
                    "The token is not meant for this API (audience must include " + expected + ")",
                    null));
        };
    }
}
