package io.loadwise.notifications.delivery.internal;

import io.loadwise.notifications.delivery.DeliveryProperties;
import io.loadwise.notifications.delivery.RetentionProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DeliveryProperties.class, RetentionProperties.class})
@EnableScheduling
class DeliveryConfiguration {}
