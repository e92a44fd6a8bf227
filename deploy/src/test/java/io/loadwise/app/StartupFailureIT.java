package io.loadwise.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.LoadwiseApplication;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An operator who starts Loadwise with a piece of infrastructure missing is told which one and what
 * to set, not handed a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

    @Test
    void postgresql_unreachable_names_postgresql_and_the_setting(CapturedOutput output) throws IOException {
        Map<String, Object> properties = workingInfrastructure();
        properties.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/loadwise");

        assertThatThrownBy(() -> start(properties)).isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("PostgreSQL is unreachable at jdbc:postgresql://127.0.0.1:")
                .contains("LOADWISE_DB_URL");
    }

    @Test
    void kafka_unreachable_names_kafka_and_the_setting(CapturedOutput output) throws IOException {
        Map<String, Object> properties = workingInfrastructure();
        properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + closedPort());

        assertThatThrownBy(() -> start(properties)).isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Kafka: no broker answered")
                .contains("LOADWISE_KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void keycloak_unreachable_names_keycloak_and_the_setting(CapturedOutput output) throws IOException {
        Map<String, Object> properties = workingInfrastructure();
        properties.put("loadwise.identity.url", "http://127.0.0.1:" + closedPort());

        assertThatThrownBy(() -> start(properties)).isNotNull();

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Keycloak: unreachable at http://127.0.0.1:")
                .contains("LOADWISE_KEYCLOAK_URL");
    }

    private static Map<String, Object> workingInfrastructure() {
        Map<String, Object> properties = new LinkedHashMap<>(TestInfrastructure.applicationProperties());
        properties.put("server.port", 0);
        StripeSandbox stripe = StripeSandbox.shared();
        properties.put("loadwise.stripe.api-base", stripe.url());
        properties.put("loadwise.stripe.platform-webhook-secret", stripe.webhookSecret());
        properties.put("loadwise.stripe.connect-webhook-secret", stripe.webhookSecret());
        return properties;
    }

    private static void start(Map<String, Object> properties) {
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        SpringApplication application = new SpringApplication(LoadwiseApplication.class);
        application.run(args).close();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
