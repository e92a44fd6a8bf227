package io.loadwise.bench;

import io.loadwise.LoadwiseApplication;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.testsupport.KafkaServer;
import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.MailServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every application benchmark starts: PostgreSQL, Kafka, Keycloak and SMTP side by side (and
 * the Stripe sandbox, which the application needs without a Stripe key), then the whole application with web and worker roles on a free
 * port. Closing stops everything in reverse order.
 */
final class BenchPlatform implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    final BenchDatabase db;
    final String kafkaBootstrap;
    final MailServer smtp;
    /** The application has no Stripe key, so it needs the sandbox to start. */
    final StripeSandbox sandbox;

    final ConfigurableApplicationContext app;
    final int port;

    /**
     * @param workDir where the database lives (a directory per benchmark under deploy/target)
     * @param extra more application properties (override the defaults here)
     */
    BenchPlatform(Path workDir, Map<String, Object> extra) throws Exception {
        try {
            Files.createDirectories(workDir);
            RosterBenchmark.say("Starting PostgreSQL, Kafka, Keycloak, SMTP and the Stripe sandbox (work directory "
                    + workDir + ")");
            ExecutorService starters = Executors.newFixedThreadPool(4);
            var database = starters.submit(() -> keep(BenchDatabase.start(workDir)));
            var kafka = starters.submit(() -> keep(KafkaServer.startEmbedded(0)));
            var mail = starters.submit(() -> keep(MailServer.start(0)));
            var keycloak = starters.submit(() -> keep(KeycloakServer.startEmbedded(0, 0, null)));
            starters.shutdown();
            sandbox = keep(StripeSandbox.start(0));
            db = database.get();
            kafkaBootstrap = kafka.get().bootstrapServers();
            smtp = mail.get();
            KeycloakServer identity = keycloak.get();

            Map<String, Object> properties = new LinkedHashMap<>(db.applicationProperties());
            properties.put("spring.kafka.bootstrap-servers", kafkaBootstrap);
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", smtp.smtpPort());
            properties.put("loadwise.identity.url", identity.url());
            properties.put("loadwise.identity.ui-client-secret", KeycloakServer.UI_CLIENT_SECRET);
            properties.put("loadwise.identity.provisioning-client-secret", KeycloakServer.PROVISIONING_CLIENT_SECRET);
            properties.put("loadwise.stripe.api-base", sandbox.url());
            properties.put("loadwise.stripe.platform-webhook-secret", sandbox.webhookSecret());
            properties.put("loadwise.stripe.connect-webhook-secret", sandbox.webhookSecret());
            properties.put("loadwise.roles", "web,worker");
            properties.put("server.port", 0);
            properties.put("logging.level.root", "WARN");
            properties.put("logging.level.io.loadwise", System.getProperty("bench.appLogLevel", "WARN"));
            properties.putAll(extra);
            String[] arguments = properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            RosterBenchmark.say("Starting the application (web and worker roles)");
            app = new SpringApplication(LoadwiseApplication.class).run(arguments);
            keep(app::close);
            port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port", "8080"));
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private <T extends AutoCloseable> T keep(T resource) {
        synchronized (started) {
            started.push(resource);
        }
        return resource;
    }

    @Override
    public void close() {
        synchronized (started) {
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    System.err.println("Stopping " + e.getMessage());
                }
            }
        }
    }

    /** A benchmark's {@code main}: quiet logging, the project directory, exit 1 on failure. */
    interface Body {
        void run(Path projectDir) throws Exception;
    }

    static void main(Body body) {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
        }
        Path projectDir = Path.of(System.getProperty("loadwise.project.dir", System.getProperty("user.dir")))
                .toAbsolutePath();
        int status = 0;
        try {
            body.run(projectDir);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }
}
