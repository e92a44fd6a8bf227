package io.loadwise.local;

import io.loadwise.LoadwiseApplication;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.testsupport.KafkaServer;
import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.MailServer;
import io.loadwise.testsupport.PostgresServer;
import io.loadwise.testsupport.TestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the whole platform on this machine with embedded infrastructure: {@code ./mvnw -Prun}.
 *
 * <p>Starts PostgreSQL (or uses {@code LOADWISE_DB_URL}), a Kafka broker, Keycloak with the realm
 * imported, GreenMail and the Stripe sandbox (test mode: no Stripe account, no real money) side by
 * side, then the application with the demo tenants seeded, and
 * prints where to go and how to log in. Ctrl-C stops everything it started.
 */
public final class LocalLoadwise {

    private static final Logger log = LoggerFactory.getLogger(LocalLoadwise.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Infrastructure that logs every step at INFO; the launcher's user wants the app's own log. */
    private static final List<String> CHATTY_LOGGERS =
            List.of("org.apache.kafka", "kafka", "state.change.logger", "io.zonky", "com.icegreen");

    public static void main(String[] args) throws Exception {
        quietInfrastructureLogs();
        Path projectDir = Path.of(System.getProperty("loadwise.project.dir", System.getProperty("user.dir")));
        LocalSettings settings;
        try {
            settings = LocalSettings.from(
                    name -> System.getProperty(name, System.getenv(name)), projectDir.toAbsolutePath());
        } catch (IllegalArgumentException e) {
            fail(List.of(e.getMessage()));
            return;
        }
        List<String> busy = PortCheck.busy(settings.listeningPorts());
        if (!busy.isEmpty()) {
            fail(busy);
            return;
        }
        new LocalLoadwise().run(settings, args);
    }

    private void run(LocalSettings settings, String[] args) throws Exception {
        long startedAt = System.nanoTime();
        Files.createDirectories(settings.home());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "loadwise-local-shutdown"));

        // The four pieces are independent: start them side by side.
        // Own threads rather than the common pool: that pool has one worker on two cores, and its
        // threads miss the class loader Maven's exec plugin runs us in (Kafka loads classes by name).
        ExecutorService starters = Executors.newFixedThreadPool(4);
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(
                () -> keep(KeycloakServer.startEmbedded(
                        settings.keycloakPort(),
                        settings.keycloakManagementPort(),
                        settings.home().resolve("keycloak"))),
                starters);
        CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(
                () -> settings.externalDatabaseUrl() != null
                        ? null
                        : keep(PostgresServer.startEmbedded(
                                settings.postgresPort(), settings.home().resolve("postgres"))),
                starters);
        CompletableFuture<KafkaServer> kafka =
                CompletableFuture.supplyAsync(() -> keep(KafkaServer.startEmbedded(settings.kafkaPort())), starters);
        CompletableFuture<MailServer> mail =
                CompletableFuture.supplyAsync(() -> keep(MailServer.start(settings.smtpPort())), starters);
        starters.shutdown();
        // Milliseconds to start; with no Stripe key the app runs against it (same code path as Stripe).
        StripeSandbox stripe = keep(StripeSandbox.start(settings.stripePort()));

        Map<String, Object> properties = new LinkedHashMap<>();
        try {
            PostgresServer database = postgres.join();
            if (database != null) {
                properties.putAll(TestInfrastructure.databaseProperties(database));
            }
            properties.put("spring.kafka.bootstrap-servers", kafka.join().bootstrapServers());
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", mail.join().smtpPort());
            // Mail goes out with GreenMail's bounce mailbox as envelope sender, and the worker reads
            // it over IMAP each minute: a DSN delivered there shows in the admins' delivery log.
            properties.putAll(mail.join().bounceProperties());
            properties.put("loadwise.notifications.bounces.interval", "1m");
            KeycloakServer identity = keycloak.join();
            // Demo logins: the organizations come with the realm, the users are added here.
            DemoIdentities.seed(identity.url());
            properties.put("loadwise.identity.url", identity.url());
            properties.put("loadwise.identity.ui-client-secret", KeycloakServer.UI_CLIENT_SECRET);
            properties.put("loadwise.identity.provisioning-client-secret", KeycloakServer.PROVISIONING_CLIENT_SECRET);
        } catch (CompletionException e) {
            log.error(
                    "Could not start the local infrastructure: {}", e.getCause().getMessage(), e.getCause());
            System.exit(1);
        }
        properties.put("server.port", settings.appPort());
        CHATTY_LOGGERS.forEach(name -> properties.put("logging.level." + name, "WARN"));
        properties.put("loadwise.notifications.public-url", settings.appUrl());
        properties.put("loadwise.stripe.api-base", stripe.url());
        properties.put("loadwise.stripe.platform-webhook-secret", stripe.webhookSecret());
        properties.put("loadwise.stripe.connect-webhook-secret", stripe.webhookSecret());
        properties.put("loadwise.stripe.public-url", settings.appUrl());

        MailLog.follow(mail.join());

        SpringApplication application = new SpringApplication(LoadwiseApplication.class, LocalRunConfiguration.class);
        application.setRegisterShutdownHook(false);
        application.setDefaultProperties(Map.of("spring.profiles.active", "local"));
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = application.run(concat(arguments, args));
        started.push(context);

        printWelcome(settings, Duration.ofNanos(System.nanoTime() - startedAt));
    }

    private static void quietInfrastructureLogs() {
        // Until Spring configures logging from the properties below, set the levels on Logback itself.
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            CHATTY_LOGGERS.forEach(name -> logback.getLogger(name).setLevel(ch.qos.logback.classic.Level.WARN));
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        synchronized (started) {
            started.push(resource);
        }
        return resource;
    }

    /** Stops what was started, newest first: the application before the infrastructure it uses. */
    private void stopAll() {
        synchronized (started) {
            while (!started.isEmpty()) {
                AutoCloseable resource = started.pop();
                try {
                    resource.close();
                } catch (Exception e) {
                    log.warn("Stopping {} failed: {}", resource.getClass().getSimpleName(), e.getMessage());
                }
            }
        }
    }

    private static void printWelcome(LocalSettings settings, Duration took) {
        StringBuilder text = new StringBuilder();
        text.append("\n\n  Loadwise is running (started in ")
                .append(took.toSeconds())
                .append(" s)\n\n");
        text.append("  App            ").append(settings.appUrl()).append('\n');
        text.append("  Storefront     ").append(settings.appUrl()).append("/t/stride-coaching\n");
        text.append("  API            ").append(settings.appUrl()).append("/api/v1  (OpenAPI: /v3/api-docs)\n");
        text.append("  Keycloak       ").append(settings.keycloakUrl()).append("  (admin console: admin / admin)\n");
        text.append("  Stripe sandbox  ").append(settings.stripeUrl()).append("  (test mode, no real money)\n");
        text.append("  Mail (SMTP)    localhost:")
                .append(settings.smtpPort())
                .append("  - every mail is logged here\n");
        text.append("\n  Demo logins (password: ").append(DemoData.PASSWORD).append(")\n");
        for (DemoData.Login login : DemoData.LOGINS) {
            text.append(String.format(
                    "    %-6s %-12s %-16s %s%n", login.username(), login.name(), login.role(), login.tenant()));
        }
        text.append("\n  Stop with Ctrl-C.\n");
        // Straight to the console, not through logging: it is the launcher's answer to the user.
        System.out.println(text);
    }

    private static void fail(List<String> problems) {
        System.err.println();
        problems.forEach(problem -> System.err.println("  " + problem));
        System.err.println();
        System.exit(2);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] result = new String[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
