package io.loadwise.ui.storefront;

import io.loadwise.tenancy.TenantDirectory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorefrontConfiguration {

    @Bean
    FilterRegistrationBean<StorefrontStatusFilter> storefrontStatusFilter(TenantDirectory tenants) {
        FilterRegistrationBean<StorefrontStatusFilter> registration =
                new FilterRegistrationBean<>(new StorefrontStatusFilter(tenants));
        registration.addUrlPatterns(StorefrontStatusFilter.PREFIX + "*");
        return registration;
    }
}
