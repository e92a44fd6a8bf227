package io.loadwise.app;

import io.loadwise.shared.InstanceRoles;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A worker-only instance ({@code loadwise.roles=worker}) runs no web server at all: no UI, no API,
 * just the Kafka consumers. Decided before the context starts, since the web server type can't be
 * changed later.
 */
class RolesEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final Set<String> KNOWN_ROLES = Set.of(InstanceRoles.WEB, InstanceRoles.WORKER);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<String> roles = InstanceRoles.of(environment);
        Set<String> unknown =
                roles.stream().filter(r -> !KNOWN_ROLES.contains(r)).collect(Collectors.toSet());
        if (!unknown.isEmpty() || roles.isEmpty()) {
            throw new IllegalArgumentException("loadwise.roles (LOADWISE_ROLES) must list web, worker or both;"
                    + " got '" + environment.getProperty(InstanceRoles.PROPERTY) + "'");
        }
        if (!roles.contains(InstanceRoles.WEB)) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "loadwiseWorkerOnly", Map.of("spring.main.web-application-type", "none")));
        }
    }
}
