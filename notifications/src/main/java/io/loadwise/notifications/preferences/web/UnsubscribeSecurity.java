package io.loadwise.notifications.preferences.web;

import io.loadwise.notifications.UnsubscribeLinks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Unsubscribe links work without logging in and mail clients post to them (RFC 8058 one-click)
 * without a CSRF token: the signed token is the proof, checked by the endpoint. GET and POST on that
 * one path are open; nothing else is.
 */
@Configuration(proxyBeanMethods = false)
class UnsubscribeSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain unsubscribeChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(UnsubscribeLinks.PATH)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, UnsubscribeLinks.PATH)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, UnsubscribeLinks.PATH)
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
