package io.loadwise.tenancy.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Logos are part of public storefronts: anyone may fetch them, nothing else happens on this path. */
@Configuration(proxyBeanMethods = false)
class PublicTenancySecurity {

    @Bean
    @Order(0)
    SecurityFilterChain tenantLogos(HttpSecurity http) throws Exception {
        return http.securityMatcher(TenantLogoController.PREFIX + "**")
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(HttpMethod.GET, TenantLogoController.PREFIX + "**")
                                .permitAll()
                                .anyRequest()
                                .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
