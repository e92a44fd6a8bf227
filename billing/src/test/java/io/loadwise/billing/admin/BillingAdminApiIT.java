package io.loadwise.billing.admin;

import static io.loadwise.billing.ApiCalls.member;
import static io.loadwise.billing.ApiCalls.platformAdmin;
import static io.loadwise.jooq.Tables.AUDIT_LOG;
import static io.loadwise.jooq.Tables.PAYMENT_ACCOUNTS;
import static io.loadwise.jooq.Tables.PROMOTION_CODES;
import static io.loadwise.jooq.Tables.STRIPE_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.stripe.StripeClient;
import com.stripe.param.AccountCreateParams;
import io.loadwise.billing.ApiCalls;
import io.loadwise.billing.orders.LedgerTestData;
import io.loadwise.billing.orders.SandboxShop;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.billing.sandbox.StripeSignatures;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Over HTTP, against the shared Stripe sandbox: the platform admin's billing views (volume, disputes,
 * reconciliation), the webhook inbox with replay, a business's payment account and its promotion
 * codes — each with who may use it, what another business cannot see, and problem details for bad
 * input with nothing changed.
 */
@IntegrationTest
class BillingAdminApiIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    StripeClient stripe;

    @Autowired
    DSLContext db;

    final StripeSandbox sandbox = StripeSandbox.shared();
    ApiCalls api;
    SandboxShop shop;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiCalls(context);
        shop = SandboxShop.open("Admin view", context);
    }

    @Test
    void platform_admins_see_each_business_s_volume_and_disputes_and_coaches_do_not() throws Exception {
        SandboxShop.Bought bought = shop.buy(shop.guide, "Dee Disputer");
        String chargeId = shop.order(bought.orderId()).getStripeChargeId();
        String dispute = sandbox.openDispute(shop.account, chargeId);
        shop.deliver("charge.dispute.created", dispute);

        MockHttpServletResponse volume = api.call(get("/api/v1/admin/billing/volume"), platformAdmin());
        assertThat(volume.getStatus()).as(volume.getContentAsString()).isEqualTo(200);
        JsonNode mine = only(api.body(volume), "tenantName", shop.business.name());
        assertThat(mine.get("currency").asString()).isEqualTo("USD");
        assertThat(mine.get("orders").asInt()).isEqualTo(1);
        assertThat(mine.get("grossMinor").asLong()).isEqualTo(2900);
        assertThat(mine.get("feesMinor").asLong()).isPositive();
        assertThat(mine.get("openDisputes").asInt()).isEqualTo(1);
        // A period before the sale has none of it.
        JsonNode lastYear =
                api.body(api.call(get("/api/v1/admin/billing/volume?from=2025-01&to=2025-12"), platformAdmin()));
        lastYear.forEach(v -> {
            if (v.get("tenantName").asString().equals(shop.business.name())) {
                assertThat(v.get("orders").asInt()).isZero();
                assertThat(v.get("grossMinor").asLong()).isZero();
            }
        });

        JsonNode disputes = api.body(api.call(get("/api/v1/admin/billing/disputes"), platformAdmin()));
        JsonNode opened = only(disputes, "stripeDisputeId", dispute);
        assertThat(opened.get("tenantName").asString()).isEqualTo(shop.business.name());
        assertThat(opened.get("orderId").asString()).isEqualTo(bought.orderId().toString());
        assertThat(opened.get("amountMinor").asLong()).isEqualTo(2900);

        for (String path : List.of("/api/v1/admin/billing/volume", "/api/v1/admin/billing/disputes")) {
            api.problem(api.call(get(path), shop.asOwner()), 403, "forbidden");
            api.problem(
                    api.call(get(path), member(bought.userId(), Role.CLIENT, shop.business.id())), 403, "forbidden");
        }
    }

    @Test
    void a_bad_period_gets_a_problem_naming_it() throws Exception {
        assertThat(api.detail(
                        api.call(get("/api/v1/admin/billing/volume?from=2026-13"), platformAdmin()),
                        400,
                        "invalid-request"))
                .contains("'2026-13' is not a month like 2026-03");
        assertThat(api.detail(
                        api.call(get("/api/v1/admin/billing/volume?from=2026-05&to=2026-02"), platformAdmin()),
                        400,
                        "invalid-request"))
                .contains("ends (2026-02) before it starts (2026-05)");
        assertThat(api.detail(
                        api.call(get("/api/v1/admin/billing/reconciliation-runs?limit=0"), platformAdmin()),
                        400,
                        "invalid-request"))
                .contains("Between 1 and");
    }

    @Test
    void an_admin_reconciles_on_demand_and_sees_the_run_and_a_coach_cannot_start_one() throws Exception {
        api.problem(api.call(post("/api/v1/admin/billing/reconciliation-runs"), shop.asOwner()), 403, "forbidden");
        api.problem(api.call(get("/api/v1/admin/billing/reconciliation-runs"), shop.asOwner()), 403, "forbidden");

        MockHttpServletResponse run = api.call(post("/api/v1/admin/billing/reconciliation-runs"), platformAdmin());
        assertThat(run.getStatus()).as(run.getContentAsString()).isEqualTo(200);
        String id = api.body(run).get("id").asString();

        JsonNode runs = api.body(api.call(get("/api/v1/admin/billing/reconciliation-runs?limit=5"), platformAdmin()));
        assertThat(runs.get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void a_flagged_webhook_is_listed_for_admins_and_replayed_once_its_account_is_known() throws Exception {
        String account = stripe.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .setCountry("US")
                        .build())
                .getId();
        sandbox.completeOnboarding(account);
        String eventId = "evt_test_" + UUID.randomUUID().toString().replace("-", "");
        String payload = "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"api_version\":\""
                + com.stripe.Stripe.API_VERSION + "\",\"created\":"
                + Instant.now().getEpochSecond()
                + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"account.updated\",\"account\":\"" + account
                + "\",\"data\":{\"object\":{\"id\":\"" + account + "\",\"object\":\"account\"}}}";
        MockHttpServletResponse received = api.call(
                post("/stripe/webhooks/connect")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(
                                "Stripe-Signature",
                                StripeSignatures.sign(
                                        payload,
                                        sandbox.webhookSecret(),
                                        Instant.now().getEpochSecond()))
                        .content(payload),
                r -> r);
        assertThat(received.getStatus()).as(received.getContentAsString()).isEqualTo(200);
        SandboxShop.await(() -> status(eventId), "flagged"::equals);

        JsonNode problems = api.body(api.call(get("/api/v1/admin/webhooks/problems?limit=500"), platformAdmin()));
        JsonNode flagged = only(problems, "eventId", eventId);
        assertThat(flagged.get("status").asString()).isEqualTo("flagged");
        assertThat(flagged.get("lastError").asString()).contains(account);
        assertThat(flagged.has("payload")).isFalse();
        assertThat(api.body(api.call(get("/api/v1/admin/webhooks/counts"), platformAdmin()))
                        .get("flagged")
                        .asLong())
                .isPositive();

        api.problem(api.call(get("/api/v1/admin/webhooks/problems"), shop.asOwner()), 403, "forbidden");
        api.problem(
                api.send(post("/api/v1/admin/webhooks/" + eventId + "/replay"), shop.asOwner(), Map.of("reason", "me")),
                403,
                "forbidden");
        assertThat(status(eventId)).isEqualTo("flagged");
        api.problem(
                api.call(post("/api/v1/admin/webhooks/evt_nobody_knows/replay"), platformAdmin()),
                404,
                "webhook-event-not-found");

        // The business connects that account; the replayed event now applies to it, and is audited there.
        Tenant business = TestTenants.create("Late connect " + account);
        TestTenants.seed(business.id(), tx -> tx.insertInto(PAYMENT_ACCOUNTS)
                .set(PAYMENT_ACCOUNTS.TENANT_ID, business.id().value())
                .set(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID, account)
                .set(PAYMENT_ACCOUNTS.CHARGES_ENABLED, false)
                .set(PAYMENT_ACCOUNTS.CREATED_AT, java.time.OffsetDateTime.now())
                .set(PAYMENT_ACCOUNTS.UPDATED_AT, java.time.OffsetDateTime.now())
                .execute());
        UUID admin = UUID.randomUUID();
        MockHttpServletResponse replayed = api.send(
                post("/api/v1/admin/webhooks/" + eventId + "/replay"),
                member(admin, Role.PLATFORM_ADMIN, null),
                Map.of("reason", "Account connected after the event"));
        assertThat(replayed.getStatus()).as(replayed.getContentAsString()).isEqualTo(202);

        SandboxShop.await(() -> status(eventId), "processed"::equals);
        AtomicReference<Boolean> charges = new AtomicReference<>();
        AtomicInteger audits = new AtomicInteger();
        TestTenants.seed(business.id(), tx -> {
            charges.set(tx.select(PAYMENT_ACCOUNTS.CHARGES_ENABLED)
                    .from(PAYMENT_ACCOUNTS)
                    .where(PAYMENT_ACCOUNTS.TENANT_ID.eq(business.id().value()))
                    .fetchOne(PAYMENT_ACCOUNTS.CHARGES_ENABLED));
            audits.set(tx.fetchCount(
                    AUDIT_LOG,
                    AUDIT_LOG
                            .TENANT_ID
                            .eq(business.id().value())
                            .and(AUDIT_LOG.ACTION.eq("webhook-replay"))
                            .and(AUDIT_LOG.ACTOR_ID.eq(admin))));
        });
        assertThat(charges.get())
                .as("charges enabled, read from the sandbox's account")
                .isTrue();
        assertThat(audits.get()).isEqualTo(1);
    }

    @Test
    void the_owner_starts_onboarding_on_stripe_and_coaches_and_bad_addresses_are_refused() throws Exception {
        Tenant fresh = TestTenants.create(
                "Not yet selling " + UUID.randomUUID().toString().substring(0, 8));
        UUID owner = UUID.randomUUID();
        UUID coach = UUID.randomUUID();
        LedgerTestData.member(fresh.id(), owner, "owner", "owner-" + owner + "@example.com");
        LedgerTestData.member(fresh.id(), coach, "coach", "coach-" + coach + "@example.com");
        RequestPostProcessor asOwner = member(owner, Role.COACH, fresh.id());
        RequestPostProcessor asCoach = member(coach, Role.COACH, fresh.id());

        JsonNode before = api.body(api.call(get("/api/v1/payments/account"), asCoach));
        assertThat(before.get("stripeAccountId").isNull()).isTrue();
        assertThat(before.get("canSell").asBoolean()).isFalse();

        api.problem(api.call(post("/api/v1/payments/onboarding"), asCoach), 403, "forbidden");
        api.problem(api.call(post("/api/v1/payments/account/refresh"), asCoach), 403, "forbidden");
        assertThat(api.detail(api.call(post("/api/v1/payments/account/refresh"), asOwner), 400, "invalid-request"))
                .contains("start onboarding first");
        assertThat(api.detail(
                        api.send(
                                post("/api/v1/payments/onboarding"),
                                asOwner,
                                Map.of("refreshUrl", "https://evil.example/again")),
                        400,
                        "invalid-request"))
                .contains("must be pages of");
        assertThat(accountRow(fresh))
                .as("no account created for a refused request")
                .isNull();

        MockHttpServletResponse started = api.call(post("/api/v1/payments/onboarding"), asOwner);
        assertThat(started.getStatus()).as(started.getContentAsString()).isEqualTo(200);
        assertThat(api.body(started).get("url").asString()).startsWith(sandbox.url());
        String account = accountRow(fresh);
        assertThat(account).startsWith("acct_");
        // Asked again: the same account, a fresh link.
        assertThat(api.call(post("/api/v1/payments/onboarding"), asOwner).getStatus())
                .isEqualTo(200);
        assertThat(accountRow(fresh)).isEqualTo(account);

        sandbox.completeOnboarding(account);
        JsonNode refreshed = api.body(api.call(post("/api/v1/payments/account/refresh"), asOwner));
        assertThat(refreshed.get("stripeAccountId").asString()).isEqualTo(account);
        assertThat(refreshed.get("chargesEnabled").asBoolean()).isTrue();
        assertThat(refreshed.get("canSell").asBoolean()).isTrue();

        // Another business's coach sees its own account only.
        assertThat(api.body(api.call(get("/api/v1/payments/account"), shop.asOwner()))
                        .get("stripeAccountId")
                        .asString())
                .isEqualTo(shop.account);
        // A platform admin has no business of her own here.
        assertThat(api.call(post("/api/v1/payments/onboarding"), platformAdmin())
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void coaches_create_and_stop_promotion_codes_on_stripe_and_other_businesses_cannot_touch_them() throws Exception {
        String codes = "/api/v1/products/promotion-codes";
        MockHttpServletResponse created = api.send(
                post(codes), shop.asCoach(), Map.of("code", "spring-25", "amountOffMinor", 500, "maxRedemptions", 20));
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        JsonNode code = api.body(created);
        assertThat(code.get("code").asString()).isEqualTo("SPRING-25");
        assertThat(code.get("currency").asString()).isEqualToIgnoringCase("USD");
        assertThat(code.get("synced").asBoolean()).isTrue();
        assertThat(created.getHeader("Location"))
                .endsWith(codes + "/" + code.get("id").asString());
        String stripeId = promotionCodeOnStripe(UUID.fromString(code.get("id").asString()));
        assertThat(sandbox.object(stripeId).get("active").getAsBoolean()).isTrue();

        // Another business neither sees nor stops it.
        SandboxShop other = SandboxShop.open("Rival", context);
        RequestPostProcessor rival = other.asCoach();
        assertThat(api.body(api.call(get(codes), rival))).isEmpty();
        api.problem(
                api.call(post(codes + "/" + code.get("id").asString() + "/deactivate"), rival),
                404,
                "promotion-code-not-found");
        // Nor does a client.
        UUID client = UUID.randomUUID();
        LedgerTestData.client(shop.business.id(), client, "c-" + client + "@example.com", "Cat Client");
        api.problem(api.call(get(codes), member(client, Role.CLIENT, shop.business.id())), 403, "forbidden");
        api.problem(
                api.send(
                        post(codes),
                        member(client, Role.CLIENT, shop.business.id()),
                        Map.of("code", "FREE", "percentOff", 100)),
                403,
                "forbidden");
        assertThat(sandbox.object(stripeId).get("active").getAsBoolean()).isTrue();

        // Both a percentage and an amount is one too many; nothing is saved.
        MockHttpServletResponse both =
                api.send(post(codes), shop.asCoach(), Map.of("code", "BOTH", "percentOff", 10, "amountOffMinor", 100));
        assertThat(both.getStatus()).isEqualTo(400);
        assertThat(both.getContentType()).isEqualTo("application/problem+json");
        assertThat(api.body(both).get("errors")).isNotEmpty();
        MockHttpServletResponse past = api.send(
                post(codes),
                shop.asCoach(),
                Map.of("code", "OLD", "percentOff", 10, "expiresAt", "2020-01-01T00:00:00Z"));
        assertThat(past.getStatus()).isEqualTo(400);
        assertThat(api.body(past).get("errors").get(0).get("field").asString()).isEqualTo("expiresAt");
        assertThat(codesOf(shop.business)).isEqualTo(1);

        MockHttpServletResponse stopped =
                api.call(post(codes + "/" + code.get("id").asString() + "/deactivate"), shop.asCoach());
        assertThat(stopped.getStatus()).as(stopped.getContentAsString()).isEqualTo(200);
        assertThat(api.body(stopped).get("active").asBoolean()).isFalse();
        assertThat(sandbox.object(stripeId).get("active").getAsBoolean()).isFalse();
        api.problem(
                api.call(post(codes + "/" + UUID.randomUUID() + "/deactivate"), shop.asCoach()),
                404,
                "promotion-code-not-found");
    }

    private static JsonNode only(JsonNode list, String field, String value) {
        JsonNode found = null;
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asString(null))) {
                assertThat(found).as("one entry with " + field + " " + value).isNull();
                found = item;
            }
        }
        assertThat(found)
                .as("an entry with " + field + " " + value + " in " + list)
                .isNotNull();
        return found;
    }

    private String status(String eventId) {
        return db.select(STRIPE_EVENTS.STATUS)
                .from(STRIPE_EVENTS)
                .where(STRIPE_EVENTS.ID.eq(eventId))
                .fetchOne(STRIPE_EVENTS.STATUS);
    }

    private static String accountRow(Tenant tenant) {
        AtomicReference<String> account = new AtomicReference<>();
        TestTenants.seed(
                tenant.id(),
                tx -> account.set(tx.select(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID)
                        .from(PAYMENT_ACCOUNTS)
                        .where(PAYMENT_ACCOUNTS.TENANT_ID.eq(tenant.id().value()))
                        .fetchOne(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID)));
        return account.get();
    }

    private String promotionCodeOnStripe(UUID id) {
        AtomicReference<String> stripeId = new AtomicReference<>();
        TestTenants.seed(
                shop.business.id(),
                tx -> stripeId.set(tx.select(PROMOTION_CODES.STRIPE_PROMOTION_CODE_ID)
                        .from(PROMOTION_CODES)
                        .where(PROMOTION_CODES.ID.eq(id))
                        .fetchOne(PROMOTION_CODES.STRIPE_PROMOTION_CODE_ID)));
        return stripeId.get();
    }

    private static int codesOf(Tenant tenant) {
        AtomicInteger count = new AtomicInteger();
        TestTenants.seed(
                tenant.id(),
                tx -> count.set(tx.fetchCount(
                        PROMOTION_CODES,
                        PROMOTION_CODES.TENANT_ID.eq(tenant.id().value()))));
        return count.get();
    }
}
