package io.loadwise.billing.webhooks;

import static io.loadwise.jooq.Tables.AUDIT_LOG;
import static io.loadwise.jooq.Tables.PAYMENT_ACCOUNTS;
import static io.loadwise.jooq.Tables.STRIPE_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.StripeClient;
import com.stripe.model.Account;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.billing.sandbox.StripeSignatures;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

/**
 * Stripe's webhooks as Stripe (or the sandbox) sends them to the running app: only correctly
 * signed, fresh events are stored, each once; the worker hands them to their handler with the
 * business bound, flags what must not be applied, retries failures and lets admins replay them.
 */
@IntegrationTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "loadwise.stripe.webhooks.first-retry=100ms",
            "loadwise.stripe.webhooks.max-retry-interval=200ms",
            "loadwise.stripe.webhooks.max-attempts=3",
            "loadwise.stripe.webhooks.poll-interval=200ms"
        })
class StripeWebhooksIT {

    static final String SUCCEEDS = "loadwise_test.succeeds";
    static final String FLAKY = "loadwise_test.flaky";

    /** Handlers for event types nobody else handles, recording what they were given. */
    @TestConfiguration
    static class TestHandlers {
        static final List<ReceivedStripeEvent> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
        static final AtomicBoolean failing = new AtomicBoolean(true);
        static final AtomicInteger flakyCalls = new AtomicInteger();

        @Bean
        StripeEventHandler testEventHandler() {
            return new StripeEventHandler() {
                @Override
                public Set<String> eventTypes() {
                    return Set.of(SUCCEEDS, FLAKY);
                }

                @Override
                public void handle(ReceivedStripeEvent event) {
                    if (event.type().equals(FLAKY)) {
                        flakyCalls.incrementAndGet();
                        if (failing.get()) {
                            throw new IllegalStateException("Stripe is unreachable (test)");
                        }
                    }
                    assertThat(io.loadwise.tenancy.TenantContext.current())
                            .isEqualTo(java.util.Optional.ofNullable(event.tenant()));
                    handled.add(event);
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DSLContext db;

    @Autowired
    StripeClient stripe;

    @Autowired
    WebhookInbox inbox;

    final HttpClient http = HttpClient.newHttpClient();
    final StripeSandbox sandbox = StripeSandbox.shared();

    static String event(String id, String type, String account, boolean livemode) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"" + com.stripe.Stripe.API_VERSION
                + "\",\"created\":" + Instant.now().getEpochSecond() + ",\"livemode\":" + livemode
                + ",\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\""
                + (account == null ? "" : ",\"account\":\"" + account + "\"")
                + ",\"data\":{\"object\":{\"id\":\"obj_" + id + "\",\"object\":\"charge\"}}}";
    }

    static String newId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    HttpResponse<String> post(String endpoint, String payload, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/stripe/webhooks/" + endpoint))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postSigned(String endpoint, String payload) throws Exception {
        return post(
                endpoint,
                payload,
                StripeSignatures.sign(
                        payload, sandbox.webhookSecret(), Instant.now().getEpochSecond()));
    }

    int rows(String id) {
        return db.fetchCount(STRIPE_EVENTS, STRIPE_EVENTS.ID.eq(id));
    }

    String statusOf(String id) {
        return db.select(STRIPE_EVENTS.STATUS)
                .from(STRIPE_EVENTS)
                .where(STRIPE_EVENTS.ID.eq(id))
                .fetchOne(r -> r.value1());
    }

    void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(statusOf(id)).isEqualTo(status));
    }

    /** A business with a connected account, as Connect onboarding leaves it. */
    Tenant businessWithAccount(String accountId) {
        Tenant tenant = TestTenants.create("Webhook Coaching " + accountId);
        TestTenants.seed(tenant.id(), tx -> tx.insertInto(PAYMENT_ACCOUNTS)
                .set(PAYMENT_ACCOUNTS.TENANT_ID, tenant.id().value())
                .set(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID, accountId)
                .set(PAYMENT_ACCOUNTS.CHARGES_ENABLED, true)
                .set(PAYMENT_ACCOUNTS.CREATED_AT, OffsetDateTime.now())
                .set(PAYMENT_ACCOUNTS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return tenant;
    }

    @Test
    void aSignedEventIsStoredOnceAndARepeatIsAcknowledged() throws Exception {
        String id = newId();
        String payload = event(id, SUCCEEDS, null, false);

        HttpResponse<String> first = postSigned("platform", payload);
        HttpResponse<String> again = postSigned("platform", payload);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(rows(id)).isEqualTo(1);
        awaitStatus(id, "processed");
        assertThat(TestHandlers.handled)
                .filteredOn(e -> e.id().equals(id))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.objectId()).isEqualTo("obj_" + id);
                    assertThat(e.tenant()).isNull();
                    assertThat(e.event().getType()).isEqualTo(SUCCEEDS);
                });
    }

    @Test
    void whatIsNotSignedByStripeForThisEndpointIsRefusedAndNothingIsStored() throws Exception {
        String secret = sandbox.webhookSecret();
        long now = Instant.now().getEpochSecond();

        String tamperedId = newId();
        String original = event(tamperedId, SUCCEEDS, null, false);
        String tampered = original.replace("obj_", "obx_");
        assertThat(post("platform", tampered, StripeSignatures.sign(original, secret, now))
                        .statusCode())
                .isEqualTo(400);
        assertThat(rows(tamperedId)).isZero();

        String missingId = newId();
        HttpResponse<String> missing = post("platform", event(missingId, SUCCEEDS, null, false), null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("webhook-signature-missing");
        assertThat(rows(missingId)).isZero();

        String staleId = newId();
        String stale = event(staleId, SUCCEEDS, null, false);
        HttpResponse<String> staleAnswer = post("platform", stale, StripeSignatures.sign(stale, secret, now - 301));
        assertThat(staleAnswer.statusCode()).isEqualTo(400);
        assertThat(staleAnswer.body()).contains("webhook-signature-invalid");
        assertThat(rows(staleId)).isZero();

        String wrongSecretId = newId();
        String wrongSecret = event(wrongSecretId, SUCCEEDS, null, false);
        assertThat(post("connect", wrongSecret, StripeSignatures.sign(wrongSecret, "whsec_other", now))
                        .statusCode())
                .isEqualTo(400);
        assertThat(rows(wrongSecretId)).isZero();

        HttpResponse<String> malformed = postSigned("platform", "{\"id\":\"evt_broken\", \"type\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("webhook-malformed");
        assertThat(rows("evt_broken")).isZero();
    }

    @Test
    void onlyPostIsOpenOnTheWebhookPaths() throws Exception {
        for (String path : List.of("/stripe/webhooks/connect", "/stripe/webhooks/platform", "/stripe/webhooks/other")) {
            HttpResponse<String> get = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).as("GET " + path).isEqualTo(403);
        }
        HttpResponse<String> delete = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/stripe/webhooks/connect"))
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(403);
    }

    @Test
    void eventsThatMustNotBeAppliedAreIgnoredOrFlagged() throws Exception {
        String unknownType = newId();
        String unknownAccount = newId();
        String liveEvent = newId();

        postSigned("platform", event(unknownType, "loadwise_test.nobody_handles_this", null, false));
        postSigned("connect", event(unknownAccount, SUCCEEDS, "acct_nobodyhasthis", false));
        postSigned("platform", event(liveEvent, SUCCEEDS, null, true));

        awaitStatus(unknownType, "ignored");
        awaitStatus(unknownAccount, "flagged");
        awaitStatus(liveEvent, "flagged");
        assertThat(TestHandlers.handled).noneMatch(e -> e.id().equals(unknownAccount) || e.id().equals(liveEvent));
        UUID admin = UUID.randomUUID();
        Tenant any = TestTenants.create("Admin's view");
        List<FailedWebhook> problems = ActingAs.call(admin, any.id(), Role.PLATFORM_ADMIN, () -> inbox.problems(200));
        assertThat(problems)
                .filteredOn(p -> p.eventId().equals(unknownAccount))
                .singleElement()
                .satisfies(p -> assertThat(p.lastError()).contains("acct_nobodyhasthis"));
    }

    @Test
    void aFailingHandlerIsRetriedThenFailedAndAnAdminReplaysItIntoTheBusinessAuditLog() throws Exception {
        String account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Tenant business = businessWithAccount(account);
        String id = newId();
        TestHandlers.failing.set(true);

        postSigned("connect", event(id, FLAKY, account, false));

        awaitStatus(id, "failed");
        Integer attempts = db.select(STRIPE_EVENTS.ATTEMPTS)
                .from(STRIPE_EVENTS)
                .where(STRIPE_EVENTS.ID.eq(id))
                .fetchOne(r -> r.value1());
        assertThat(attempts).isEqualTo(3);
        UUID admin = UUID.randomUUID();
        List<FailedWebhook> problems =
                ActingAs.call(admin, business.id(), Role.PLATFORM_ADMIN, () -> inbox.problems(200));
        assertThat(problems)
                .filteredOn(p -> p.eventId().equals(id))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo("failed");
                    assertThat(p.tenantName()).isEqualTo(business.name());
                    assertThat(p.lastError()).contains("Stripe is unreachable");
                });

        TestHandlers.failing.set(false);
        ActingAs.run(admin, business.id(), Role.PLATFORM_ADMIN, () -> inbox.replay(id, "Stripe was down"));

        awaitStatus(id, "processed");
        assertThat(TestHandlers.handled)
                .filteredOn(e -> e.id().equals(id))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.tenant()).isEqualTo(business.id());
                    assertThat(e.account()).isEqualTo(account);
                });
        TestTenants.seed(business.id(), tx -> assertThat(tx.fetchCount(
                        AUDIT_LOG, AUDIT_LOG.ACTION.eq("webhook-replay").and(AUDIT_LOG.ACTOR_ID.eq(admin))))
                .isEqualTo(1));
    }

    @Test
    void theSandboxDeliversACheckoutsWebhooksToTheRunningApp() throws Exception {
        Account account = stripe.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .setCountry("DE")
                        .build());
        businessWithAccount(account.getId());
        sandbox.completeOnboarding(account.getId());
        RequestOptions on =
                RequestOptions.builder().setStripeAccount(account.getId()).build();
        Product product = stripe.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Guide").build(), on);
        Price price = stripe.v1()
                .prices()
                .create(
                        PriceCreateParams.builder()
                                .setProduct(product.getId())
                                .setCurrency("eur")
                                .setUnitAmount(1_500L)
                                .build(),
                        on);
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(
                        SessionCreateParams.builder()
                                .setMode(SessionCreateParams.Mode.PAYMENT)
                                .addLineItem(SessionCreateParams.LineItem.builder()
                                        .setPrice(price.getId())
                                        .setQuantity(1L)
                                        .build())
                                .setSuccessUrl("http://localhost:" + port + "/done?session={CHECKOUT_SESSION_ID}")
                                .build(),
                        on);

        sandbox.payCheckout(session.getId(), "buyer@example.test", "Buyer");

        String eventId = sandbox.awaitDelivered(
                        e -> e.type().equals("checkout.session.completed")
                                && session.getId().equals(e.objectId())
                                && e.endpointUrl().equals("http://localhost:" + port + "/stripe/webhooks/connect")
                                && e.acknowledged(),
                        Duration.ofSeconds(20))
                .id();
        assertThat(db.select(STRIPE_EVENTS.ENDPOINT, STRIPE_EVENTS.ACCOUNT, STRIPE_EVENTS.OBJECT_ID)
                        .from(STRIPE_EVENTS)
                        .where(STRIPE_EVENTS.ID.eq(eventId))
                        .fetchOne())
                .satisfies(r -> {
                    assertThat(r.value1()).isEqualTo("connect");
                    assertThat(r.value2()).isEqualTo(account.getId());
                    assertThat(r.value3()).isEqualTo(session.getId());
                });
    }
}
