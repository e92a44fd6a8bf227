package io.loadwise.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local Keycloak as the local run uses it: a second server beside the tests' shared one, data
 * kept in its home across restarts, and nothing left listening after close.
 */
class KeycloakServerIT {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_server_with_a_home_keeps_its_data_across_restarts_and_closing_it_frees_its_port(@TempDir Path home)
            throws Exception {
        KeycloakServer shared = TestInfrastructure.keycloak();
        String alias = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        String organization;
        int port;
        try (KeycloakServer server = KeycloakServer.startEmbedded(0, 0, home)) {
            port = server.httpPort();
            assertThat(port).isNotEqualTo(shared.httpPort());
            // Each server names itself as issuer, so tokens of one are never accepted for the other.
            assertThat(issuer(server)).isEqualTo(server.url() + "/realms/loadwise");
            assertThat(issuer(shared)).isEqualTo(shared.url() + "/realms/loadwise");
            try (KeycloakTestData data = KeycloakTestData.of(server)) {
                organization = data.createOrganization(alias, "Kept Across Restarts");
            }
        }
        assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(IOException.class);
        assertThat(Files.exists(home.resolve("keycloak.log"))).isTrue();

        try (KeycloakServer again = KeycloakServer.startEmbedded(0, 0, home);
                KeycloakTestData data = KeycloakTestData.of(again)) {
            assertThat(data.realm()
                            .organizations()
                            .get(organization)
                            .toRepresentation()
                            .getAlias())
                    .isEqualTo(alias);
        }
    }

    private String issuer(KeycloakServer server) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/realms/loadwise/.well-known/openid-configuration"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(response.body())
                .get("issuer")
                .asString();
    }
}
