package io.loadwise.events.internal;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.modulith.events.EventExternalizationConfiguration;

/** Which published events leave the application for Kafka, and how they are routed. */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    static final String EVENTS_PACKAGE = "io.loadwise";

    /**
     * Every {@code @Externalized} event under {@code io.loadwise}, to the topic its annotation names,
     * keyed by its business ({@link TenantRouting}). Modulith's default would take the packages of
     * whichever {@code @SpringBootApplication} started, so a module's test application in a
     * sub-package would silently externalize nothing; naming the root package keeps all entry points
     * alike.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static EventExternalizationConfiguration eventExternalizationConfiguration() {
        TenantRouting routing = new TenantRouting(EVENTS_PACKAGE);
        return EventExternalizationConfiguration.externalizing()
                .select(routing::externalizes)
                .routeAll(routing::target)
                .build();
    }
}
