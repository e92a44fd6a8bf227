package io.loadwise.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/** Loads the platform's default settings at the lowest precedence (see the properties file). */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:io/loadwise/platform-defaults.properties")
class PlatformDefaults {}
