package io.loadwise.billing.admin.internal;

import io.loadwise.billing.admin.ReconciliationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
class AdminConfiguration {}
