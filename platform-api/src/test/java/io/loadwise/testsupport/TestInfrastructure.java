package io.loadwise.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The real infrastructure integration tests run against, each piece started once per test JVM and
 * shared by every Spring context in it (tests isolate their data by using fresh tenants).
 *
 * <p>Uses Testcontainers when a Docker engine answers, the embedded path otherwise; force one
 * with {@code -Dloadwise.test.infrastructure=embedded|containers}. Keycloak always runs as a child
 * process from the distribution (see {@link KeycloakServer}).
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static final Lazy<Boolean> DOCKER = new Lazy<>(TestInfrastructure::detectDocker);
    private static final Lazy<PostgresServer> POSTGRES =
            new Lazy<>(() -> useContainers() ? PostgresServer.startContainer() : PostgresServer.startEmbedded(0, null));
    private static final Lazy<KafkaServer> KAFKA =
            new Lazy<>(() -> useContainers() ? KafkaServer.startContainer() : KafkaServer.startEmbedded(0));
    private static final Lazy<MailServer> MAIL = new Lazy<>(() -> MailServer.start(0));
    private static final Lazy<KeycloakServer> KEYCLOAK = new Lazy<>(() -> KeycloakServer.startEmbedded(0, 0, null));

    private TestInfrastructure() {}

    public static PostgresServer postgres() {
        return POSTGRES.get();
    }

    public static KafkaServer kafka() {
        return KAFKA.get();
    }

    public static MailServer mail() {
        return MAIL.get();
    }

    /** A Keycloak with the loadwise realm, started on first use (only tests that ask start it). */
    public static KeycloakServer keycloak() {
        return KEYCLOAK.get();
    }

    /**
     * Starts the pieces a test context needs side by side rather than one after the other: on two
     * cores Keycloak's start overlaps PostgreSQL's and Kafka's instead of adding to them.
     */
    public static void startAll(boolean withKeycloak) {
        List<Lazy<?>> pieces = new ArrayList<>(List.of(POSTGRES, KAFKA, MAIL));
        if (withKeycloak) {
            pieces.add(KEYCLOAK);
        }
        // Own threads: the common fork-join pool has a single worker on a two-core machine.
        ExecutorService starters = Executors.newFixedThreadPool(pieces.size());
        try {
            List<CompletableFuture<?>> starting = pieces.stream()
                    .<CompletableFuture<?>>map(piece -> CompletableFuture.runAsync(piece::get, starters))
                    .toList();
            CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        } finally {
            starters.shutdown();
        }
    }

    /** Spring properties that point the application at the shared PostgreSQL, Kafka and SMTP. */
    public static Map<String, Object> applicationProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(databaseProperties(postgres()));
        // The JVM's shutdown hooks stop PostgreSQL while Spring may still close its contexts: fail
        // fast then instead of waiting out Hikari's default 30 s for a connection.
        properties.put("spring.datasource.hikari.connection-timeout", 5000);
        properties.put("spring.kafka.bootstrap-servers", kafka().bootstrapServers());
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", mail().smtpPort());
        // The plan engine's hourly sweep would mark other tests' past sessions missed at random;
        // tests that need it call PlanEngine.sweep themselves.
        properties.put("loadwise.planengine.sweep-cron", "-");
        return properties;
    }

    /** Spring properties that point the application's identity settings at a Keycloak server. */
    public static Map<String, Object> identityProperties(KeycloakServer keycloak) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("loadwise.identity.url", keycloak.url());
        properties.put("loadwise.identity.ui-client-secret", KeycloakServer.UI_CLIENT_SECRET);
        properties.put("loadwise.identity.provisioning-client-secret", KeycloakServer.PROVISIONING_CLIENT_SECRET);
        return properties;
    }

    /** The application connects as the RLS-bound app role; Flyway migrates as the owner. */
    public static Map<String, Object> databaseProperties(PostgresServer postgres) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", postgres.jdbcUrl());
        properties.put("spring.datasource.username", PostgresServer.APP);
        properties.put("spring.datasource.password", PostgresServer.APP_PASSWORD);
        properties.put("spring.flyway.user", PostgresServer.OWNER);
        properties.put("spring.flyway.password", PostgresServer.OWNER_PASSWORD);
        properties.put("spring.flyway.placeholders.app_role", PostgresServer.APP);
        return properties;
    }

    static boolean useContainers() {
        String forced =
                System.getProperty("loadwise.test.infrastructure", "auto").toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "embedded" -> false;
            case "containers" -> true;
            default -> DOCKER.get();
        };
    }

    private static boolean detectDocker() {
        try {
            boolean available = DockerClientFactory.instance().isDockerAvailable();
            log.info(
                    "Docker {}: test infrastructure runs {}",
                    available ? "found" : "not found",
                    available ? "in containers" : "embedded");
            return available;
        } catch (RuntimeException | LinkageError e) {
            log.info("No Docker engine ({}); test infrastructure runs embedded", e.getMessage());
            return false;
        }
    }

    /** Starts a piece of infrastructure on first use and stops it when the JVM exits. */
    static final class Lazy<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T result = value;
            if (result == null) {
                synchronized (this) {
                    result = value;
                    if (result == null) {
                        result = factory.get();
                        value = result;
                        if (result instanceof AutoCloseable closeable) {
                            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(closeable)));
                        }
                    }
                }
            }
            return result;
        }

        private static void closeQuietly(AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // The JVM is exiting; nothing useful to do with the failure.
            }
        }
    }
}
