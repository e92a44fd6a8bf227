package io.loadwise.app;

import java.util.Arrays;
import java.util.Locale;
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

    static final Set<String> KNOWN_ROLES = Set.of("web", "worker");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<String> roles = roles(environment.getProperty("loadwise.roles", "web,worker"));
        Set<String> unknown =
                roles.stream().filter(r -> !KNOWN_ROLES.contains(r)).collect(Collectors.toSet());
        if (!unknown.isEmpty() || roles.isEmpty()) {
            throw new IllegalArgumentException("loadwise.roles (LOADWISE_ROLES) must list web, worker or both;"
                    + " got '" + environment.getProperty("loadwise.roles") + "'");
        }
        if (!roles.contains("web")) {
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "loadwiseWorkerOnly", Map.of("spring.main.web-application-type", "none")));
        }
    }

    static Set<String> roles(String value) {
        return Arrays.stream(value.split(","))
                .map(r -> r.trim().toLowerCase(Locale.ROOT))
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toSet());
    }
}
