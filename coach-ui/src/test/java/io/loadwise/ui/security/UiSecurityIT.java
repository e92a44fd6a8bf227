package io.loadwise.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.loadwise.identity.IdentityProperties;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.ui.UiTestData;
import io.loadwise.ui.UiTestData.SeededTenant;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The UI's HTTP face on a real server (Tomcat, the Vaadin servlet in development mode with the
 * pre-built bundle): who is sent to Keycloak, what is public, and where logout goes. Keycloak
 * itself is not running; the redirects to it are what is checked.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UiSecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityProperties identity;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ClientRegistrationRepository registrations;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void an_anonymous_visitor_of_the_roster_is_sent_to_log_in_with_keycloak() throws Exception {
        HttpResponse<String> roster = get("/coach/roster");

        assertThat(roster.statusCode()).isEqualTo(302);
        assertThat(location(roster)).isEqualTo(url("/oauth2/authorization/keycloak"));

        HttpResponse<String> login = get("/oauth2/authorization/keycloak", cookies(roster));

        assertThat(login.statusCode()).isEqualTo(302);
        URI keycloak = URI.create(location(login));
        assertThat(keycloak.getScheme() + "://" + keycloak.getAuthority() + keycloak.getPath())
                .isEqualTo(identity.authorizationUri());
        Map<String, String> query = query(keycloak);
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "loadwise-ui")
                .containsEntry("redirect_uri", url("/login/oauth2/code/keycloak"))
                .containsKeys("state", "nonce");
        assertThat(query.get("scope").split(" ")).contains("openid", "profile", "email", "organization");
    }

    @Test
    void a_storefront_is_public_and_an_unknown_one_is_a_404() throws Exception {
        SeededTenant tenant = UiTestData.tenant("Open Door Coaching", "USD", "en-US");

        HttpResponse<String> storefront = get("/t/" + tenant.slug());
        HttpResponse<String> unknown = get("/t/no-such-business-anywhere");

        assertThat(storefront.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void the_api_keeps_answering_401_instead_of_redirecting_to_a_login_page() throws Exception {
        HttpResponse<String> api = get("/api/v1/clients");

        assertThat(api.statusCode()).isEqualTo(401);
    }

    @Test
    void logging_out_ends_the_keycloak_session_and_comes_back_to_the_app() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();

        MvcResult result = mvc.perform(post("/logout")
                        .with(csrf())
                        .with(oidcLogin()
                                .clientRegistration(registrations.findByRegistrationId("keycloak"))
                                .idToken(token -> token.tokenValue("the-id-token"))))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        URI endSession = URI.create(result.getResponse().getRedirectedUrl());
        assertThat(endSession.getScheme() + "://" + endSession.getAuthority() + endSession.getPath())
                .isEqualTo(identity.endSessionUri());
        assertThat(query(endSession))
                .containsEntry("id_token_hint", "the-id-token")
                .containsEntry("post_logout_redirect_uri", "http://localhost");
    }

    private HttpResponse<String> get(String path, String... cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (cookies.length > 0 && !cookies[0].isEmpty()) {
            request.header("Cookie", cookies[0]);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : "", (a, b) -> a));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
