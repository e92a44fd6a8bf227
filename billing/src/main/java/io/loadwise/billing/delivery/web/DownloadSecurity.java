package io.loadwise.billing.delivery.web;

import io.loadwise.billing.delivery.GuideDownloads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Download links work without logging in (the signed token is the key, as in a mailed link): GET
 * on the download path is open, nothing else happens there.
 */
@Configuration(proxyBeanMethods = false)
class DownloadSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain guideDownloadChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(GuideDownloads.PATH_PREFIX + "**")
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers(HttpMethod.GET, GuideDownloads.PATH_PREFIX + "*")
                                .permitAll()
                                .anyRequest()
                                .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
