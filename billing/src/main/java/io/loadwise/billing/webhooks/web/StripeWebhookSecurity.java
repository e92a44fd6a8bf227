package io.loadwise.billing.webhooks.web;

import io.loadwise.billing.webhooks.WebhookPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stripe posts webhooks without logging in: the signature on the body is the proof, checked by
 * the endpoint. So POST is open there, without CSRF or a session; nothing else is (another method
 * gets 403).
 */
@Configuration(proxyBeanMethods = false)
class StripeWebhookSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain stripeWebhookChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(WebhookPaths.PREFIX + "**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, WebhookPaths.PREFIX + "*")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                // Stripe is no browser and never signs in: no anonymous user, logout, servlet API
                // wrapper or browser security headers to spend a burst's CPU on.
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable())
                .headers(headers -> headers.disable())
                .build();
    }
}
