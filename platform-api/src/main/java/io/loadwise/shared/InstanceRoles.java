package io.loadwise.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * What one running instance does, from {@code loadwise.roles} ({@code LOADWISE_ROLES}): {@code web}
 * serves the UI and API, {@code worker} runs the Kafka consumers; both by default. The one reading
 * of the setting that the launcher's checks and the worker beans' condition share.
 */
public final class InstanceRoles {

    public static final String PROPERTY = "loadwise.roles";
    public static final String WEB = "web";
    public static final String WORKER = "worker";
    public static final String DEFAULT = WEB + "," + WORKER;

    private InstanceRoles() {}

    /** The configured roles, trimmed and lower-cased; unknown names are kept for the caller to refuse. */
    public static Set<String> of(Environment environment) {
        return parse(environment.getProperty(PROPERTY, DEFAULT));
    }

    static Set<String> parse(String value) {
        return Arrays.stream(value.split(","))
                .map(role -> role.trim().toLowerCase(Locale.ROOT))
                .filter(role -> !role.isEmpty())
                .collect(Collectors.toSet());
    }
}
