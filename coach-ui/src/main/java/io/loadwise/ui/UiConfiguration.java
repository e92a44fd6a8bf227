package io.loadwise.ui;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** The UI's typed settings, and its Vaadin defaults at the lowest precedence (see the properties file). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UiProperties.class)
@PropertySource("classpath:io/loadwise/ui/ui-defaults.properties")
class UiConfiguration {}
