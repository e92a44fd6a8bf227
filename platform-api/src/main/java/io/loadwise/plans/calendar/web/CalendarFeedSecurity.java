package io.loadwise.plans.calendar.web;

import io.loadwise.plans.calendar.CalendarFeeds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Calendar apps fetch feeds without logging in (the secret in the URL is the key): GET on the feed
 * path is open, nothing else happens there.
 */
@Configuration(proxyBeanMethods = false)
class CalendarFeedSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(CalendarFeeds.PREFIX + "**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, CalendarFeeds.PREFIX + "**")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
