package io.loadwise.app;

import static io.loadwise.jooq.Tables.ACCOUNT_TOKENS;
import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.CLIENT_NOTES;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.MESSAGES;
import static io.loadwise.jooq.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.loadwise.local.DemoData;
import io.loadwise.onboarding.AccountLinkPurpose;
import io.loadwise.onboarding.AccountLinkUnusableException;
import io.loadwise.onboarding.AccountLinks;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Onboarding end to end, both roles in one process, on real PostgreSQL, Kafka, Keycloak and SMTP:
 * a business signs up, its owner confirms through the mailed link and logs in, sets up the
 * business, invites a coach and later removes them, handing their clients to the owner.
 */
@IntegrationTest(keycloak = true, webEnvironment = WebEnvironment.RANDOM_PORT)
class OnboardingIT {

    static final String PASSWORD = "good-password-42";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AccountLinks links;

    @Autowired
    ApplicationContext application;

    @BeforeEach
    void seedDemoTenants(@Autowired ApplicationContext application) {
        DemoData.seedInto(application, TestInfrastructure.keycloak().url());
    }

    @Test
    void a_business_signs_up_confirms_through_the_mailed_link_and_its_owner_logs_in() throws Exception {
        String slug = unique("stride");
        String email = slug + "@owner.example";

        HttpResponse<String> created = signUp(slug, email);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        assertThat(body.get("status").asString()).isEqualTo("pending");
        TenantId tenant = TenantId.of(body.get("tenantId").asString());
        // Pending: no storefront yet, and no password to log in with.
        assertThat(page("/t/" + slug).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> TestInfrastructure.keycloak().tokenFor(email, PASSWORD))
                .isInstanceOf(IllegalStateException.class);

        MimeMessage mail = awaitMail(email);
        assertThat(mail.getSubject()).isEqualTo("Confirm your email to open Runners " + slug + " on Loadwise");
        String token = Mails.accountLinkToken(mail);
        assertThat(links.inspect(token).email()).isEqualTo(email);

        links.redeem(token, PASSWORD);

        String ownerToken = TestInfrastructure.keycloak().tokenFor(email, PASSWORD);
        HttpResponse<String> settings = get(ownerToken, "/api/v1/tenant");
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(json.readTree(settings.body()).get("status").asString()).isEqualTo("active");
        assertThat(json.readTree(settings.body()).get("id").asString()).isEqualTo(tenant.toString());
        assertThat(page("/t/" + slug).statusCode()).isEqualTo(200);
        // The link worked once; after that it says so.
        assertThatThrownBy(() -> links.redeem(token, "another-password-1"))
                .isInstanceOfSatisfying(AccountLinkUnusableException.class, e -> assertThat(e.reason())
                        .isEqualTo(AccountLinkUnusableException.Reason.USED));
    }

    @Test
    void a_tampered_link_or_one_of_another_tenant_is_not_valid_and_an_expired_one_says_so() throws Exception {
        Business business = newBusiness();
        String valid = reissue(business);
        char[] chars = valid.toCharArray();
        chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> links.inspect(new String(chars)))
                .isInstanceOfSatisfying(AccountLinkUnusableException.class, e -> assertThat(e.reason())
                        .isEqualTo(AccountLinkUnusableException.Reason.INVALID));
        assertThatThrownBy(() -> links.inspect("not-a-token")).isInstanceOf(AccountLinkUnusableException.class);
        // The same token id and secret presented under another tenant find nothing there.
        byte[] bytes = Base64.getUrlDecoder().decode(valid);
        ByteBuffer.wrap(bytes)
                .putLong(0, DemoData.STRIDE.value().getMostSignificantBits())
                .putLong(8, DemoData.STRIDE.value().getLeastSignificantBits());
        assertThatThrownBy(() ->
                        links.inspect(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
                .isInstanceOf(AccountLinkUnusableException.class);

        String expired = expiredLink(business);
        assertThatThrownBy(() -> links.redeem(expired, "whatever-password"))
                .isInstanceOfSatisfying(AccountLinkUnusableException.class, e -> assertThat(e.reason())
                        .isEqualTo(AccountLinkUnusableException.Reason.EXPIRED));
        // Still valid after the failed attempts, and a newer link replaces it.
        assertThat(links.inspect(valid).tenant()).isEqualTo(business.tenant());
        String newer = reissue(business);
        assertThatThrownBy(() -> links.inspect(valid)).isInstanceOf(AccountLinkUnusableException.class);
        assertThat(links.inspect(newer).tenant()).isEqualTo(business.tenant());
    }

    @Test
    void a_taken_address_or_an_email_with_an_account_is_a_conflict_and_creates_nothing() throws Exception {
        int tenantsBefore = countTenants();
        String slug = unique("fresh");

        HttpResponse<String> takenSlug = signUp("stride-coaching", slug + "@owner.example");
        HttpResponse<String> knownEmail = signUp(slug, "ruth@stride.example");
        HttpResponse<String> reserved = signUp("admin", slug + "@owner.example");

        assertThat(takenSlug.statusCode()).isEqualTo(409);
        assertThat(json.readTree(takenSlug.body()).get("field").asString()).isEqualTo("slug");
        assertThat(knownEmail.statusCode()).isEqualTo(409);
        assertThat(json.readTree(knownEmail.body()).get("field").asString()).isEqualTo("ownerEmail");
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(reserved.body()).contains("reserved");
        assertThat(countTenants()).isEqualTo(tenantsBefore);
        try (KeycloakTestData keycloak = KeycloakTestData.of(TestInfrastructure.keycloak())) {
            assertThat(keycloak.realm().users().searchByEmail(slug + "@owner.example", true))
                    .isEmpty();
            assertThat(keycloak.realm().organizations().search(slug, true, 0, 10))
                    .isEmpty();
        }
    }

    @Test
    void the_owner_changes_settings_only_with_the_current_etag() throws Exception {
        Business business = newBusiness();
        HttpResponse<String> read = get(business.ownerToken(), "/api/v1/tenant");
        String etag = read.headers().firstValue("ETag").orElseThrow();
        String change = """
                {"name":"Runners <b>United</b>","slug":"%s","brandColor":"#0F766E","currency":"eur",
                 "timeZone":"Europe/Berlin","locale":"de"}""".formatted(business.slug() + "-new");

        assertThat(put(business.ownerToken(), "/api/v1/tenant", change, null).statusCode())
                .isEqualTo(428);
        HttpResponse<String> saved = put(business.ownerToken(), "/api/v1/tenant", change, etag);
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        JsonNode settings = json.readTree(saved.body());
        assertThat(settings.get("brandColor").asString()).isEqualTo("#0f766e");
        assertThat(settings.get("currency").asString()).isEqualTo("EUR");
        assertThat(settings.get("slug").asString()).isEqualTo(business.slug() + "-new");
        HttpResponse<String> stale = put(business.ownerToken(), "/api/v1/tenant", change, etag);
        assertThat(stale.statusCode()).isEqualTo(412);
        String current = saved.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> badColour =
                put(business.ownerToken(), "/api/v1/tenant", change.replace("#0F766E", "red"), current);
        assertThat(badColour.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badColour.body()).get("field").asString()).isEqualTo("brandColor");
        HttpResponse<String> takenSlug = put(
                business.ownerToken(),
                "/api/v1/tenant",
                change.replace(business.slug() + "-new", "stride-coaching"),
                current);
        assertThat(takenSlug.statusCode()).isEqualTo(409);
        assertThat(page("/t/" + business.slug() + "-new").statusCode()).isEqualTo(200);
    }

    @Test
    void a_logo_must_be_a_small_png_jpeg_or_webp_and_is_served_publicly() throws Exception {
        Business business = newBusiness();
        byte[] png = pngOf(2_000);

        HttpResponse<String> uploaded = upload(business.ownerToken(), png, "image/png");
        HttpResponse<String> svg = upload(
                business.ownerToken(),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(),
                "image/png");
        HttpResponse<String> huge = upload(business.ownerToken(), pngOf(600 * 1024), "image/png");

        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(svg.statusCode()).isEqualTo(400);
        assertThat(huge.statusCode()).isEqualTo(413);
        HttpResponse<byte[]> logo = http.send(
                HttpRequest.newBuilder(uri("/tenant-logos/" + business.tenant()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.body()).isEqualTo(png);
        assertThat(logo.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(logo.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age"));
        // Only the owner changes the logo; a visitor can't.
        assertThat(http.send(
                                HttpRequest.newBuilder(uri("/api/v1/tenant/logo"))
                                        .PUT(HttpRequest.BodyPublishers.ofByteArray(png))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void the_owner_invites_a_coach_and_removes_them_handing_their_clients_over() throws Exception {
        Business business = newBusiness();
        String coachEmail = unique("coach") + "@coach.example";

        HttpResponse<String> invited = post(
                business.ownerToken(),
                "/api/v1/team/invitations",
                "{\"email\":\"" + coachEmail + "\",\"displayName\":\"Sam <i>Coach</i>\",\"role\":\"coach\"}");
        assertThat(invited.statusCode()).isEqualTo(201);
        UUID coachId = UUID.fromString(json.readTree(invited.body()).get("id").asString());
        assertThat(post(
                                business.ownerToken(),
                                "/api/v1/team/invitations",
                                "{\"email\":\"" + coachEmail + "\",\"displayName\":\"Again\"}")
                        .statusCode())
                .isEqualTo(409);
        MimeMessage mail = awaitMail(coachEmail);
        assertThat(mail.getSubject()).contains("invited you to coach");
        links.redeem(Mails.accountLinkToken(mail), PASSWORD);
        String coachToken = TestInfrastructure.keycloak().tokenFor(coachEmail, PASSWORD);
        assertThat(get(coachToken, "/api/v1/clients").statusCode()).isEqualTo(200);

        UUID ownerId = memberOf(business, "owner");
        UUID led = UUID.randomUUID();
        UUID coCoached = UUID.randomUUID();
        seedClientsOf(business.tenant(), coachId, led, coCoached);

        // Refusals first: another tenant's member, oneself, a client as successor.
        AtomicReference<UUID> strideOwner = new AtomicReference<>();
        TestTenants.seed(
                DemoData.STRIDE,
                db -> strideOwner.set(db.select(MEMBERS.ID)
                        .from(MEMBERS)
                        .where(MEMBERS.EMAIL.eq("ruth@stride.example"))
                        .fetchOne(MEMBERS.ID)));
        assertThat(delete(business.ownerToken(), "/api/v1/team/" + strideOwner.get() + "?reassignTo=" + ownerId)
                        .statusCode())
                .isEqualTo(404);
        assertThat(delete(business.ownerToken(), "/api/v1/team/" + ownerId + "?reassignTo=" + coachId)
                        .statusCode())
                .isEqualTo(409);
        assertThat(delete(business.ownerToken(), "/api/v1/team/" + coachId).statusCode())
                .isEqualTo(400);
        assertThat(delete(business.ownerToken(), "/api/v1/team/" + coachId + "?reassignTo=" + clientMember(led))
                        .statusCode())
                .isEqualTo(400);
        assertThat(delete(coachToken, "/api/v1/team/" + ownerId + "?reassignTo=" + coachId)
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> removed =
                delete(business.ownerToken(), "/api/v1/team/" + coachId + "?reassignTo=" + ownerId);

        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(removed.body()).get("leadClientsMoved").asInt())
                .isEqualTo(1);
        assertThat(json.readTree(removed.body()).get("coCoachedClientsMoved").asInt())
                .isEqualTo(1);
        AtomicReference<UUID> leadCoach = new AtomicReference<>();
        AtomicReference<List<UUID>> coCoaches = new AtomicReference<>();
        AtomicInteger authored = new AtomicInteger();
        TestTenants.seed(business.tenant(), db -> {
            leadCoach.set(db.select(CLIENTS.COACH_ID)
                    .from(CLIENTS)
                    .where(CLIENTS.ID.eq(led))
                    .fetchOne(CLIENTS.COACH_ID));
            coCoaches.set(db.select(CLIENT_COACHES.COACH_ID)
                    .from(CLIENT_COACHES)
                    .where(CLIENT_COACHES.CLIENT_ID.eq(coCoached))
                    .fetch(CLIENT_COACHES.COACH_ID));
            authored.set(db.fetchCount(MESSAGES, MESSAGES.AUTHOR_ID.eq(coachId))
                    + db.fetchCount(CLIENT_NOTES, CLIENT_NOTES.AUTHOR_ID.eq(coachId)));
        });
        assertThat(leadCoach.get()).isEqualTo(ownerId);
        assertThat(coCoaches.get()).containsExactly(ownerId);
        assertThat(authored.get()).isEqualTo(2);
        JsonNode team = json.readTree(get(business.ownerToken(), "/api/v1/team").body());
        assertThat(team.get("items").findValuesAsString("email")).contains(coachEmail);
        assertThat(team.toString()).contains("\"active\":false");
        // The token issued before the removal still names the business, but the app refuses it.
        assertThat(get(coachToken, "/api/v1/clients").statusCode()).isEqualTo(403);
        // And another removal of them, or handing clients to them, is refused.
        assertThat(delete(business.ownerToken(), "/api/v1/team/" + coachId + "?reassignTo=" + ownerId)
                        .statusCode())
                .isEqualTo(409);
    }

    // --- a business of our own for each test ---

    record Business(TenantId tenant, String slug, String ownerEmail, String ownerToken) {}

    private Business newBusiness() throws Exception {
        String slug = unique("biz");
        String email = slug + "@owner.example";
        HttpResponse<String> created = signUp(slug, email);
        assertThat(created.statusCode()).isEqualTo(201);
        links.redeem(Mails.accountLinkToken(awaitMail(email)), PASSWORD);
        return new Business(
                TenantId.of(json.readTree(created.body()).get("tenantId").asString()),
                slug,
                email,
                TestInfrastructure.keycloak().tokenFor(email, PASSWORD));
    }

    private String reissue(Business business) {
        UUID owner = memberOf(business, "owner");
        return TenantContext.callAs(business.tenant(), () -> application
                .getBean(TransactionTemplate.class)
                .execute(status -> links.issue(owner, AccountLinkPurpose.INVITE)));
    }

    /** A link as we issue them, whose row says it expired a minute ago. */
    private String expiredLink(Business business) throws Exception {
        UUID owner = memberOf(business, "owner");
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret);
        TestTenants.seed(business.tenant(), db -> db.insertInto(ACCOUNT_TOKENS)
                .set(ACCOUNT_TOKENS.TENANT_ID, business.tenant().value())
                .set(ACCOUNT_TOKENS.ID, id)
                .set(ACCOUNT_TOKENS.MEMBER_ID, owner)
                .set(ACCOUNT_TOKENS.PURPOSE, "invite")
                .set(ACCOUNT_TOKENS.SECRET_HASH, hash)
                .set(ACCOUNT_TOKENS.CREATED_AT, OffsetDateTime.now().minusDays(8))
                .set(ACCOUNT_TOKENS.EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .execute());
        ByteBuffer token = ByteBuffer.allocate(64);
        token.putLong(business.tenant().value().getMostSignificantBits())
                .putLong(business.tenant().value().getLeastSignificantBits())
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .put(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    private UUID memberOf(Business business, String role) {
        AtomicReference<UUID> id = new AtomicReference<>();
        TestTenants.seed(
                business.tenant(),
                db -> id.set(db.select(MEMBERS.ID)
                        .from(MEMBERS)
                        .where(MEMBERS.ROLE.eq(role))
                        .limit(1)
                        .fetchOne(MEMBERS.ID)));
        return id.get();
    }

    private UUID clientMember(UUID client) {
        return clientMembers.get(client);
    }

    private final Map<UUID, UUID> clientMembers = new ConcurrentHashMap<>();

    /** One client the coach leads, one they co-coach (no lead yet); a message and a note by the coach. */
    private void seedClientsOf(TenantId tenant, UUID coach, UUID led, UUID coCoached) {
        TestTenants.seed(tenant, db -> {
            OffsetDateTime now = OffsetDateTime.now();
            for (UUID client : List.of(led, coCoached)) {
                UUID member = UUID.randomUUID();
                clientMembers.put(client, member);
                db.insertInto(MEMBERS)
                        .set(MEMBERS.TENANT_ID, tenant.value())
                        .set(MEMBERS.ID, member)
                        .set(MEMBERS.USER_ID, UUID.randomUUID())
                        .set(MEMBERS.ROLE, "client")
                        .set(MEMBERS.EMAIL, client + "@client.example")
                        .set(MEMBERS.DISPLAY_NAME, "Client " + client)
                        .set(MEMBERS.CREATED_AT, now)
                        .execute();
                db.insertInto(CLIENTS)
                        .set(CLIENTS.TENANT_ID, tenant.value())
                        .set(CLIENTS.ID, client)
                        .set(CLIENTS.MEMBER_ID, member)
                        .set(CLIENTS.COACH_ID, client.equals(led) ? coach : null)
                        .set(CLIENTS.DISPLAY_NAME, "Client " + client)
                        .set(CLIENTS.EMAIL, client + "@client.example")
                        .set(CLIENTS.CREATED_AT, now)
                        .set(CLIENTS.UPDATED_AT, now)
                        .execute();
            }
            db.insertInto(CLIENT_COACHES)
                    .set(CLIENT_COACHES.TENANT_ID, tenant.value())
                    .set(CLIENT_COACHES.CLIENT_ID, coCoached)
                    .set(CLIENT_COACHES.COACH_ID, coach)
                    .set(CLIENT_COACHES.ASSIGNED_AT, now)
                    .execute();
            db.insertInto(MESSAGES)
                    .set(MESSAGES.TENANT_ID, tenant.value())
                    .set(MESSAGES.ID, UUID.randomUUID())
                    .set(MESSAGES.CLIENT_ID, led)
                    .set(MESSAGES.AUTHOR_ID, coach)
                    .set(MESSAGES.BODY, "How did the long run feel?")
                    .set(MESSAGES.CREATED_AT, now)
                    .execute();
            db.insertInto(CLIENT_NOTES)
                    .set(CLIENT_NOTES.TENANT_ID, tenant.value())
                    .set(CLIENT_NOTES.ID, UUID.randomUUID())
                    .set(CLIENT_NOTES.CLIENT_ID, led)
                    .set(CLIENT_NOTES.AUTHOR_ID, coach)
                    .set(CLIENT_NOTES.BODY, "Watch the left hamstring.")
                    .set(CLIENT_NOTES.CREATED_AT, now)
                    .set(CLIENT_NOTES.UPDATED_AT, now)
                    .execute();
        });
    }

    // --- HTTP ---

    private HttpResponse<String> signUp(String slug, String email) throws Exception {
        String body = """
                {"businessName":"Runners %s","slug":"%s","ownerName":"Olu Owner","ownerEmail":"%s",
                 "currency":"USD","timeZone":"America/Chicago","locale":"en-US"}""".formatted(slug, slug, email);
        return http.send(
                HttpRequest.newBuilder(uri("/api/v1/signups"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String token, byte[] image, String type) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/api/v1/tenant/logo"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", type)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(image))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String token, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String token, String path, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String token, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static MimeMessage awaitMail(String email) {
        return await().atMost(PATIENCE)
                .until(() -> TestInfrastructure.mail().receivedFor(email), found -> !found.isEmpty())
                .getFirst();
    }

    private static int countTenants() {
        AtomicInteger count = new AtomicInteger();
        TestTenants.seed(DemoData.STRIDE, db -> count.set(db.fetchCount(TENANTS)));
        return count.get();
    }

    /** A PNG signature followed by filler: the server checks the first bytes, browsers aren't asked. */
    private static byte[] pngOf(int size) {
        byte[] bytes = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
