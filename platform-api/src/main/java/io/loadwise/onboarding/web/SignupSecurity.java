package io.loadwise.onboarding.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** The signup is the one API call made without an account: it is how one gets an account. */
@Configuration(proxyBeanMethods = false)
class SignupSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicSignupEndpoint(HttpSecurity http) throws Exception {
        return http.securityMatcher(SignupsController.PATH)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, SignupsController.PATH)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
