package io.loadwise.billing.catalog.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Product covers are part of public storefronts: anyone may fetch them, nothing else happens on this path. */
@Configuration(proxyBeanMethods = false)
class OfferCoverSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain offerCovers(HttpSecurity http) throws Exception {
        return http.securityMatcher(OfferCoverController.PREFIX + "**")
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(HttpMethod.GET, OfferCoverController.PREFIX + "**")
                                .permitAll()
                                .anyRequest()
                                .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
