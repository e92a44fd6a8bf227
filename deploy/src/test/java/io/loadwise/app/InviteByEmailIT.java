package io.loadwise.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loadwise.local.DemoData;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The whole application, both roles in one process, on real PostgreSQL, Kafka, Keycloak and SMTP:
 * a coach invites a client through the API and the client gets the invite mail.
 */
@IntegrationTest(keycloak = true, webEnvironment = WebEnvironment.RANDOM_PORT)
class InviteByEmailIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @BeforeEach
    void seedDemoTenants(@Autowired ApplicationContext application) {
        DemoData.seedInto(application, TestInfrastructure.keycloak().url());
    }

    @Test
    void a_coach_invites_a_client_who_receives_the_invite_mail_and_appears_on_the_roster() throws Exception {
        String email = "runner-" + UUID.randomUUID() + "@example.com";
        String ruth = token("ruth");

        HttpResponse<String> invited = post(ruth, invitation(email, "Noor Haddad"));

        assertThat(invited.statusCode()).isEqualTo(201);
        assertThat(invited.body()).contains(email);
        List<MimeMessage> mails = await().atMost(Duration.ofSeconds(60))
                .until(() -> TestInfrastructure.mail().receivedFor(email), found -> !found.isEmpty());
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).contains("Stride Coaching");
        // The link to set a password: our own single-use account link, not the storefront (ADR 0005).
        assertThat(Mails.text(mails.getFirst())).containsPattern("/welcome/[A-Za-z0-9_-]{80,}");
        assertThat(get(ruth, "/api/v1/clients?limit=200").body()).contains("Noor Haddad");
        // Another business's coach does not see the new client.
        assertThat(get(token("hana"), "/api/v1/clients?limit=200").body()).doesNotContain("Noor Haddad");
    }

    @Test
    void inviting_someone_already_on_the_roster_is_a_conflict_that_changes_nothing() throws Exception {
        HttpResponse<String> again = post(token("ruth"), invitation("jess@stride.example", "Jess Moreno"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(again.body()).contains("already on your roster");
        // Jess gets other mail from the demo (her plan is ready); no second invite.
        assertThat(TestInfrastructure.mail().receivedFor("jess@stride.example"))
                .extracting(message -> message.getSubject())
                .noneMatch(subject -> subject.contains("invited you"));
    }

    @Test
    void an_invite_with_a_malformed_email_is_a_bad_request_naming_the_address() throws Exception {
        HttpResponse<String> bad = post(token("ruth"), invitation("not-an-address", "Someone"));

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("not-an-address").contains("is not an email address");
    }

    @Test
    void a_client_cannot_invite_clients() throws Exception {
        HttpResponse<String> refused =
                post(token("jess"), invitation("friend-" + UUID.randomUUID() + "@example.com", "Friend"));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private static String invitation(String email, String name) {
        return "{\"email\":\"" + email + "\",\"displayName\":\"" + name + "\"}";
    }

    private static String token(String username) {
        return TestInfrastructure.keycloak().tokenFor(username, DemoData.PASSWORD);
    }

    private HttpResponse<String> post(String token, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/clients/invitations"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
