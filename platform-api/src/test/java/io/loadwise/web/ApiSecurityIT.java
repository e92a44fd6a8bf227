package io.loadwise.web;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakServer;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API's bearer-token checks with real tokens from Keycloak: who the caller is, which
 * tenant they see, and every way a token is refused.
 */
@IntegrationTest(keycloak = true, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiSecurityIT {

    static final String PASSWORD = "api-security-password";

    @Autowired
    Environment environment;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();
    final KeycloakServer keycloak = TestInfrastructure.keycloak();

    KeycloakTestData keycloakData;
    String run;
    TenantId alpha;
    TenantId beta;
    String alphaCoach;
    String alphaCoachId;
    String betaCoach;
    String teamlessCoach;
    RSAKey realmTestKey;

    @BeforeAll
    void twoBusinessesWithACoachAndClientsEach() throws Exception {
        keycloakData = KeycloakTestData.of(keycloak);
        run = UUID.randomUUID().toString().substring(0, 8);
        alpha = TenantId.of(keycloakData.createOrganization("alpha-" + run, "Alpha Running " + run));
        beta = TenantId.of(keycloakData.createOrganization("beta-" + run, "Beta Endurance " + run));
        alphaCoach = "alpha-coach-" + run;
        betaCoach = "beta-coach-" + run;
        teamlessCoach = "teamless-" + run;
        alphaCoachId = keycloakData.createUser(alphaCoach, PASSWORD, alpha.toString(), "coach");
        String betaCoachId = keycloakData.createUser(betaCoach, PASSWORD, beta.toString(), "coach");
        keycloakData.createUser(teamlessCoach, PASSWORD, null, "coach");

        // The tenant rows use the organization ids, as sign-up does.
        // Each coach owns their business, so sees its whole roster.
        seedTenant(alpha, "alpha-" + run, alphaCoachId, List.of("ann@alpha.example", "bob@alpha.example"));
        seedTenant(beta, "beta-" + run, betaCoachId, List.of("cy@beta.example"));

        realmTestKey = addVerificationKeyToRealm();
    }

    @AfterAll
    void closeAdminClient() {
        keycloakData.close();
    }

    @Test
    void me_names_the_caller_their_roles_and_their_coaching_business() throws Exception {
        HttpResponse<String> response = get("/api/v1/me", keycloak.tokenFor(alphaCoach, PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.get("userId").asString()).isEqualTo(alphaCoachId);
        assertThat(me.get("email").asString()).isEqualTo(alphaCoach + "@test.example");
        assertThat(elements(me.get("roles"))).extracting(JsonNode::asString).containsExactly("coach");
        assertThat(me.get("tenant").get("id").asString()).isEqualTo(alpha.toString());
        assertThat(me.get("tenant").get("slug").asString()).isEqualTo("alpha-" + run);
    }

    @Test
    void each_coach_sees_only_the_clients_of_the_business_in_their_token() throws Exception {
        assertThat(clientEmails(get("/api/v1/clients", keycloak.tokenFor(alphaCoach, PASSWORD))))
                .containsExactly("ann@alpha.example", "bob@alpha.example");
        assertThat(clientEmails(get("/api/v1/clients", keycloak.tokenFor(betaCoach, PASSWORD))))
                .containsExactly("cy@beta.example");
    }

    @Test
    void a_tenant_named_in_the_request_is_ignored() throws Exception {
        String token = keycloak.tokenFor(alphaCoach, PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(
                        uri("/api/v1/clients?tenant=" + beta + "&tenantId=" + beta + "&organization=beta-" + run))
                .header("Authorization", "Bearer " + token)
                .header("X-Tenant-Id", beta.toString())
                .GET()
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(clientEmails(response)).containsExactly("ann@alpha.example", "bob@alpha.example");
    }

    @Test
    void without_a_token_the_api_answers_401_problem_details() throws Exception {
        HttpResponse<String> response = get("/api/v1/clients", null);

        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    }

    @Test
    void a_user_in_no_organization_is_known_but_gets_403_problem_details_for_tenant_data() throws Exception {
        String token = keycloak.tokenFor(teamlessCoach, PASSWORD);

        HttpResponse<String> me = get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode tenant = json.readTree(me.body()).path("tenant");
        assertThat(tenant.isNull() || tenant.isMissingNode()).isTrue();

        HttpResponse<String> clients = get("/api/v1/clients", token);
        assertThat(clients.statusCode()).isEqualTo(403);
        assertThat(clients.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(clients.body());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("title").asString()).isEqualTo("No organization in token");
    }

    @Test
    void a_token_signed_by_another_issuer_is_refused() throws Exception {
        RSAKey foreignKey = new RSAKeyGenerator(2048).keyID("foreign").generate();
        // Everything as Keycloak would write it, except the key: only the signature gives it away.
        String forged = sign(foreignKey, validClaims().build());

        assertUnauthorized(get("/api/v1/clients", forged));
    }

    @Test
    void an_expired_token_is_refused_though_signed_by_the_realm() throws Exception {
        Instant longAgo = Instant.now().minus(2, ChronoUnit.HOURS);
        String expired = sign(
                realmTestKey,
                validClaims()
                        .issueTime(Date.from(longAgo))
                        .expirationTime(Date.from(longAgo.plus(5, ChronoUnit.MINUTES)))
                        .build());
        String fresh = sign(realmTestKey, validClaims().build());

        assertUnauthorized(get("/api/v1/clients", expired));
        // The same token, unexpired, passes: expiry alone made the difference.
        assertThat(get("/api/v1/clients", fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void a_keycloak_token_meant_for_another_audience_is_refused() throws Exception {
        // A genuine token of the realm, issued to the admin console's client, not to the API.
        String adminCliToken = passwordGrant("admin-cli", alphaCoach);
        String otherAudience =
                sign(realmTestKey, validClaims().audience("some-other-api").build());

        assertUnauthorized(get("/api/v1/clients", adminCliToken));
        assertUnauthorized(get("/api/v1/clients", otherAudience));
    }

    private JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(keycloak.url() + "/realms/" + KeycloakServer.REALM)
                .subject(alphaCoachId)
                .audience(List.of("loadwise-api", "account"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES)))
                .claim("typ", "Bearer")
                .claim("azp", KeycloakServer.TEST_CLIENT)
                .claim("preferred_username", alphaCoach)
                .claim("realm_access", Map.of("roles", List.of("coach")))
                .claim("tenant", Map.of("alpha-" + run, Map.of("id", alpha.toString())));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /**
     * Adds a low-priority RSA key of our own to the realm: Keycloak keeps signing with its own key
     * but publishes ours too, so tokens we sign with it verify like Keycloak's. That lets a test
     * change one claim (expiry, audience) and nothing else.
     */
    private RSAKey addVerificationKeyToRealm() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName("api-security-it-" + run);
        component.setProviderId("rsa");
        component.setProviderType("org.keycloak.keys.KeyProvider");
        component.setParentId(keycloakData.realm().toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("priority", "1");
        config.putSingle("enabled", "true");
        config.putSingle("active", "true");
        config.putSingle("algorithm", "RS256");
        config.putSingle(
                "privateKey",
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(key.toPrivateKey().getEncoded())
                        + "\n-----END PRIVATE KEY-----");
        component.setConfig(config);
        String componentId;
        try (Response response = keycloakData.realm().components().add(component)) {
            assertThat(response.getStatus()).isEqualTo(201);
            String path = response.getLocation().getPath();
            componentId = path.substring(path.lastIndexOf('/') + 1);
        }
        String kid = keycloakData.realm().keys().getKeyMetadata().getKeys().stream()
                .filter(k -> componentId.equals(k.getProviderId()))
                .map(KeysMetadataRepresentation.KeyMetadataRepresentation::getKid)
                .findFirst()
                .orElseThrow();
        return new RSAKey.Builder(key).keyID(kid).build();
    }

    private void assertUnauthorized(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("title").asString()).isEqualTo("Authentication required");
    }

    private List<String> clientEmails(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return elements(json.readTree(response.body()).get("items")).stream()
                .map(item -> item.get("email").asString())
                .sorted()
                .toList();
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new java.util.ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    private String passwordGrant(String clientId, String username) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        keycloak.url() + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + clientId + "&username="
                        + username + "&password=" + PASSWORD))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("access_token").asString();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    private void seedTenant(TenantId tenant, String slug, String ownerUserId, List<String> clientEmails) {
        OffsetDateTime now = OffsetDateTime.now();
        TenantContext.runAs(
                tenant,
                () -> tx.executeWithoutResult(s -> {
                    db.insertInto(TENANTS)
                            .set(TENANTS.ID, tenant.value())
                            .set(TENANTS.SLUG, slug)
                            .set(TENANTS.NAME, "Tenant " + slug)
                            .set(TENANTS.CREATED_AT, now)
                            .execute();
                    db.insertInto(MEMBERS)
                            .set(MEMBERS.TENANT_ID, tenant.value())
                            .set(MEMBERS.ID, UUID.randomUUID())
                            .set(MEMBERS.USER_ID, UUID.fromString(ownerUserId))
                            .set(MEMBERS.ROLE, "owner")
                            .set(MEMBERS.EMAIL, "owner-" + slug + "@test.example")
                            .set(MEMBERS.DISPLAY_NAME, "Owner of " + slug)
                            .set(MEMBERS.CREATED_AT, now)
                            .execute();
                    for (String email : clientEmails) {
                        db.insertInto(CLIENTS)
                                .set(CLIENTS.TENANT_ID, tenant.value())
                                .set(CLIENTS.ID, UUID.randomUUID())
                                .set(CLIENTS.DISPLAY_NAME, email)
                                .set(CLIENTS.EMAIL, email)
                                .set(CLIENTS.CREATED_AT, now)
                                .set(CLIENTS.UPDATED_AT, now)
                                .execute();
                    }
                }));
    }
}
