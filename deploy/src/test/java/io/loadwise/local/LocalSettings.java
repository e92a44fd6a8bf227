package io.loadwise.local;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Ports and places of the local run, each overridable by an environment variable (or a system
 * property of the same name) so several runs and test JVMs can share a machine.
 */
record LocalSettings(
        int appPort,
        int postgresPort,
        @Nullable String externalDatabaseUrl,
        int kafkaPort,
        int keycloakPort,
        int keycloakManagementPort,
        int smtpPort,
        int stripePort,
        Path home) {

    static LocalSettings from(Function<String, @Nullable String> env, Path projectDir) {
        return new LocalSettings(
                port(env, "LOADWISE_PORT", 8080),
                port(env, "LOADWISE_DB_PORT", 15432),
                env.apply("LOADWISE_DB_URL"),
                port(env, "LOADWISE_KAFKA_PORT", 19092),
                port(env, "LOADWISE_KEYCLOAK_PORT", 8180),
                port(env, "LOADWISE_KEYCLOAK_MANAGEMENT_PORT", 9180),
                port(env, "LOADWISE_SMTP_PORT", 3025),
                port(env, "LOADWISE_STRIPE_PORT", 12111),
                Path.of(orDefault(
                        env, "LOADWISE_HOME", projectDir.resolve(".loadwise").toString())));
    }

    /** Ports this run will listen on, by the variable that sets each. */
    Map<String, Integer> listeningPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("LOADWISE_PORT", appPort);
        if (externalDatabaseUrl == null) {
            ports.put("LOADWISE_DB_PORT", postgresPort);
        }
        ports.put("LOADWISE_KAFKA_PORT", kafkaPort);
        ports.put("LOADWISE_KEYCLOAK_PORT", keycloakPort);
        ports.put("LOADWISE_KEYCLOAK_MANAGEMENT_PORT", keycloakManagementPort);
        ports.put("LOADWISE_SMTP_PORT", smtpPort);
        ports.put("LOADWISE_STRIPE_PORT", stripePort);
        return ports;
    }

    String appUrl() {
        return "http://localhost:" + appPort;
    }

    /** The Stripe sandbox, for stripe-java and for the browser (its checkout and dashboard pages). */
    String stripeUrl() {
        return "http://localhost:" + stripePort;
    }

    String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    private static int port(Function<String, @Nullable String> env, String name, int fallback) {
        String value = orDefault(env, name, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), was '" + value + "'");
        }
    }

    private static String orDefault(Function<String, @Nullable String> env, String name, String fallback) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
