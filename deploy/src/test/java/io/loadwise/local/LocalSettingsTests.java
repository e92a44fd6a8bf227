package io.loadwise.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTests {

    @Test
    void every_port_has_a_default_and_an_override() {
        Map<String, String> env = Map.of("LOADWISE_PORT", "9090", "LOADWISE_KEYCLOAK_PORT", "18180");

        LocalSettings settings = LocalSettings.from(env::get, Path.of("/project"));

        assertThat(settings.appPort()).isEqualTo(9090);
        assertThat(settings.keycloakPort()).isEqualTo(18180);
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.home()).isEqualTo(Path.of("/project/.loadwise"));
        assertThat(settings.listeningPorts()).containsKeys("LOADWISE_PORT", "LOADWISE_DB_PORT", "LOADWISE_SMTP_PORT");
        assertThat(settings.listeningPorts()).containsEntry("LOADWISE_STRIPE_PORT", 12111);
        assertThat(settings.stripeUrl()).isEqualTo("http://localhost:12111");
    }

    @Test
    void an_external_database_needs_no_local_port() {
        LocalSettings settings =
                LocalSettings.from(Map.of("LOADWISE_DB_URL", "jdbc:postgresql://db/loadwise")::get, Path.of("/p"));

        assertThat(settings.listeningPorts()).doesNotContainKey("LOADWISE_DB_PORT");
    }

    @Test
    void a_bad_port_names_the_variable() {
        assertThatThrownBy(() -> LocalSettings.from(Map.of("LOADWISE_SMTP_PORT", "smtp")::get, Path.of("/p")))
                .hasMessageContaining("LOADWISE_SMTP_PORT");
    }

    @Test
    void a_port_in_use_is_reported_with_the_setting_to_change() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThat(PortCheck.busy(Map.of("LOADWISE_KAFKA_PORT", port)))
                    .singleElement()
                    .asString()
                    .contains("Port " + port + " is already in use")
                    .contains("LOADWISE_KAFKA_PORT=" + (port + 1));
        }
    }
}
