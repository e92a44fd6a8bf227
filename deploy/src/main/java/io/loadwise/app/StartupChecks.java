package io.loadwise.app;

import io.loadwise.identity.IdentityProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Checks, before the application starts serving, that Kafka and Keycloak answer. PostgreSQL needs
 * no check here: Flyway connects first and {@link InfrastructureFailureAnalyzer} explains failures.
 * Without these checks both would only fail later, on the first event or the first login.
 */
@Component
@ConditionalOnBooleanProperty(name = "loadwise.startup-checks.enabled", matchIfMissing = true)
class StartupChecks implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(StartupChecks.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private final KafkaAdmin kafkaAdmin;
    private final IdentityProperties identity;

    StartupChecks(KafkaAdmin kafkaAdmin, IdentityProperties identity) {
        this.kafkaAdmin = kafkaAdmin;
        this.identity = identity;
    }

    @Override
    public void afterSingletonsInstantiated() {
        checkKafka();
        checkKeycloak();
    }

    private void checkKafka() {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        Object servers = config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(config)) {
            int nodes = admin.describeCluster()
                    .nodes()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .size();
            log.info("Kafka at {} answered ({} broker(s))", servers, nodes);
        } catch (Exception e) {
            throw new InfrastructureUnavailableException(
                    "Kafka",
                    "no broker answered at " + servers + " within " + TIMEOUT.toSeconds() + " s",
                    "Start Kafka, or point Loadwise at yours with LOADWISE_KAFKA_BOOTSTRAP_SERVERS"
                            + " (spring.kafka.bootstrap-servers). ./mvnw -Prun starts one for you.",
                    e);
        }
    }

    private void checkKeycloak() {
        URI discovery = URI.create(identity.issuer() + "/.well-known/openid-configuration");
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(discovery).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 404) {
                throw new InfrastructureUnavailableException(
                        "Keycloak",
                        "Keycloak at " + identity.url() + " answers, but has no realm '" + identity.realm() + "'",
                        "Import deploy/keycloak/loadwise-realm.json into Keycloak, or set LOADWISE_KEYCLOAK_REALM.",
                        null);
            }
            if (response.statusCode() != 200) {
                throw new InfrastructureUnavailableException(
                        "Keycloak",
                        discovery + " answered HTTP " + response.statusCode(),
                        "Check that LOADWISE_KEYCLOAK_URL points at Keycloak's base URL.",
                        null);
            }
            log.info("Keycloak realm {} answered at {}", identity.realm(), identity.url());
        } catch (java.io.IOException e) {
            throw new InfrastructureUnavailableException(
                    "Keycloak",
                    "unreachable at " + identity.url() + " (" + e.getClass().getSimpleName() + ")",
                    "Start Keycloak, or point Loadwise at yours with LOADWISE_KEYCLOAK_URL"
                            + " (loadwise.identity.url). ./mvnw -Prun starts one for you.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking Keycloak", e);
        } finally {
            http.close();
        }
    }
}
