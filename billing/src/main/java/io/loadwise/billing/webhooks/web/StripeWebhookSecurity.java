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
 * the endpoint. So POST is open there, without CSRF or a session; nothing else is.
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
                .build();
    }
}
