package io.loadwise.billing.checkout.web;

import io.loadwise.identity.KeycloakClaims;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Guests buy too: starting a checkout and asking for its outcome need no login. A bearer token,
 * when sent, is still verified, so a signed-in client is recognised as the buyer. Only these two
 * paths are open; the rest of the API keeps its own chain.
 */
@Configuration(proxyBeanMethods = false)
class CheckoutSecurity {

    private static final String START = "/api/v1/storefronts/*/checkout";
    private static final String OUTCOME = "/api/v1/storefronts/*/checkout/*";

    @Bean
    @Order(0)
    SecurityFilterChain storefrontCheckoutChain(HttpSecurity http) throws Exception {
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(jwt -> KeycloakClaims.authorities(jwt.getClaims()));
        return http.securityMatcher(START, OUTCOME)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, START)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, OUTCOME)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                // An invalid token is refused (401) rather than silently treated as a guest.
                .oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(authentication)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless, no cookies: there is no session a forged cross-site request could ride on.
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
