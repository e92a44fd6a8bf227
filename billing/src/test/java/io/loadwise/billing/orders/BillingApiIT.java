package io.loadwise.billing.orders;

import static io.loadwise.billing.ApiCalls.member;
import static io.loadwise.jooq.Tables.REFUNDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.stripe.StripeClient;
import com.stripe.model.Refund;
import com.stripe.param.RefundListParams;
import io.loadwise.billing.ApiCalls;
import io.loadwise.billing.StripeRequests;
import io.loadwise.billing.orders.internal.StripeReader;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The coach's billing API over HTTP, on orders paid through the shared Stripe sandbox: the ledger,
 * refunds that go to Stripe once, subscribers and revenue; who may do what; problem details for
 * bad input with nothing changed.
 */
@IntegrationTest
class BillingApiIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    StripeClient stripe;

    final StripeSandbox sandbox = StripeSandbox.shared();
    ApiCalls api;
    SandboxShop shop;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiCalls(context);
        shop = SandboxShop.open("Billing API", context);
    }

    @Test
    void the_owner_refunds_a_paid_guide_through_stripe_and_a_repeat_refunds_nothing_more() throws Exception {
        SandboxShop.Bought bought = shop.buy(shop.guide, "Jess Runner");
        String order = "/api/v1/billing/orders/" + bought.orderId();
        String chargeId = shop.order(bought.orderId()).getStripeChargeId();

        JsonNode seen = api.body(api.call(get(order), shop.asCoach()));
        assertThat(seen.get("status").asString()).isEqualTo("PAID");
        assertThat(seen.get("buyerEmail").asString()).isEqualTo(bought.email());
        assertThat(seen.get("amountTotalMinor").asLong()).isEqualTo(2900);
        assertThat(seen.get("refundableMinor").asLong()).isEqualTo(2900);

        MockHttpServletResponse part = api.send(
                post(order + "/refunds"), shop.asOwner(), Map.of("amountMinor", 1000, "reason", "Late delivery"));
        assertThat(part.getStatus()).as(part.getContentAsString()).isEqualTo(202);
        JsonNode partial = api.body(part);
        assertThat(partial.get("amountMinor").asLong()).isEqualTo(1000);
        assertThat(partial.get("currency").asString()).isEqualTo("USD");
        assertThat(partial.get("reason").asString()).isEqualTo("Late delivery");

        // Without an amount, all that is left; asked again, nothing is left to refund.
        MockHttpServletResponse rest = api.call(post(order + "/refunds"), shop.asOwner());
        assertThat(rest.getStatus()).as(rest.getContentAsString()).isEqualTo(202);
        assertThat(api.body(rest).get("amountMinor").asLong()).isEqualTo(1900);
        String repeat = api.detail(api.call(post(order + "/refunds"), shop.asOwner()), 409, "refund-not-possible");
        assertThat(repeat).contains("refunded or being refunded");

        // Stripe refunded the charge exactly once per accepted request, keyed by our refund ids.
        assertThat(sandbox.object(chargeId).get("amount_refunded").getAsLong()).isEqualTo(2900);
        List<Refund> atStripe = stripe.v1()
                .refunds()
                .list(RefundListParams.builder().setCharge(chargeId).build(), StripeRequests.onAccount(shop.account))
                .getData();
        assertThat(atStripe)
                .extracting(r -> r.getMetadata().get(StripeReader.REFUND_METADATA))
                .containsExactlyInAnyOrder(
                        partial.get("id").asString(), api.body(rest).get("id").asString());
        JsonNode refunds = api.body(api.call(get(order + "/refunds"), shop.asCoach()));
        assertThat(refunds).hasSize(2);

        // The ledger changes when Stripe confirms.
        shop.deliver("charge.refunded", chargeId);
        JsonNode refunded = api.body(api.call(get(order), shop.asCoach()));
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.get("refundedMinor").asLong()).isEqualTo(2900);
        assertThat(refunded.get("refundableMinor").asLong()).isZero();
        api.detail(api.call(post(order + "/refunds"), shop.asOwner()), 409, "refund-not-possible");
        assertThat(sandbox.object(chargeId).get("amount_refunded").getAsLong()).isEqualTo(2900);
    }

    @Test
    void coaches_see_the_ledger_but_only_the_owner_refunds_and_bad_amounts_are_refused() throws Exception {
        SandboxShop.Bought bought = shop.buy(shop.guide, "Ann Runner");
        String order = "/api/v1/billing/orders/" + bought.orderId();
        String chargeId = shop.order(bought.orderId()).getStripeChargeId();

        MockHttpServletResponse list = api.call(get("/api/v1/billing/orders"), shop.asCoach());
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(api.body(list).get("items"))
                .extracting(o -> o.get("id").asString())
                .containsExactly(bought.orderId().toString());

        api.problem(api.send(post(order + "/refunds"), shop.asCoach(), Map.of("amountMinor", 100)), 403, "forbidden");
        api.problem(api.call(post(order + "/refunds"), client(bought)), 403, "forbidden");
        api.problem(api.call(get("/api/v1/billing/orders"), client(bought)), 403, "forbidden");

        assertThat(api.detail(
                        api.send(post(order + "/refunds"), shop.asOwner(), Map.of("amountMinor", 5000)),
                        400,
                        "invalid-request"))
                .contains("At most 2900")
                .contains("5000");
        assertThat(api.detail(
                        api.send(post(order + "/refunds"), shop.asOwner(), Map.of("amountMinor", 0)),
                        400,
                        "invalid-request"))
                .contains("positive");
        assertThat(api.detail(
                        api.send(post(order + "/refunds"), shop.asOwner(), Map.of("reason", "x".repeat(501))),
                        400,
                        "invalid-request"))
                .contains("500 characters");
        assertThat(api.send(post(order + "/refunds"), shop.asOwner(), "{\"amountMinor\": \"lots\"}")
                        .getStatus())
                .isEqualTo(400);
        assertThat(api.detail(
                        api.call(post("/api/v1/billing/orders/" + UUID.randomUUID() + "/refunds"), shop.asOwner()),
                        404,
                        "order-not-found"))
                .isNotBlank();

        // Nothing was refunded anywhere.
        OrdersRecord after = shop.order(bought.orderId());
        assertThat(after.getStatus()).isEqualTo("paid");
        assertThat(after.getRefundedMinor()).isZero();
        assertThat(refundRows()).isZero();
        assertThat(sandbox.object(chargeId).get("amount_refunded").getAsLong()).isZero();
    }

    @Test
    void another_business_sees_none_of_the_orders_and_cannot_refund_them() throws Exception {
        SandboxShop.Bought bought = shop.buy(shop.guide, "Mia Runner");
        SandboxShop other = SandboxShop.open("Other coach", context);
        RequestPostProcessor otherOwner = other.asOwner();
        String order = "/api/v1/billing/orders/" + bought.orderId();

        assertThat(api.body(api.call(get("/api/v1/billing/orders"), otherOwner)).get("items"))
                .isEmpty();
        api.problem(api.call(get(order), otherOwner), 404, "order-not-found");
        api.problem(api.call(get(order + "/refunds"), otherOwner), 404, "order-not-found");
        api.problem(api.call(post(order + "/refunds"), otherOwner), 404, "order-not-found");
        assertThat(api.body(api.call(get("/api/v1/billing/subscribers"), otherOwner)))
                .isEmpty();

        assertThat(shop.order(bought.orderId()).getStatus()).isEqualTo("paid");
        assertThat(refundRows()).isZero();
    }

    @Test
    void the_ledger_pages_with_a_next_link_and_bad_paging_gets_problems() throws Exception {
        List<String> bought = new ArrayList<>();
        for (String name : List.of("Ada One", "Ben Two", "Cy Three")) {
            bought.add(shop.buy(shop.guide, name).orderId().toString());
        }

        MockHttpServletResponse first = api.call(get("/api/v1/billing/orders?limit=2"), shop.asCoach());
        assertThat(first.getStatus()).isEqualTo(200);
        JsonNode page = api.body(first);
        assertThat(page.get("items")).hasSize(2);
        String cursor = page.get("nextCursor").asString();
        assertThat(first.getHeader("Link")).contains("cursor=" + cursor).contains("rel=\"next\"");
        JsonNode second = api.body(api.call(get("/api/v1/billing/orders?limit=2&cursor=" + cursor), shop.asCoach()));
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();
        List<String> seen = new ArrayList<>();
        page.get("items").forEach(o -> seen.add(o.get("id").asString()));
        second.get("items").forEach(o -> seen.add(o.get("id").asString()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(bought).doesNotHaveDuplicates();

        assertThat(api.detail(api.call(get("/api/v1/billing/orders?limit=0"), shop.asCoach()), 400, "invalid-request"))
                .contains("between 1 and");
        assertThat(api.detail(
                        api.call(get("/api/v1/billing/orders?limit=500"), shop.asCoach()), 400, "invalid-request"))
                .contains("between 1 and");
        api.problem(api.call(get("/api/v1/billing/orders?cursor=not-a-cursor"), shop.asCoach()), 400, "invalid-cursor");
        assertThat(api.call(get("/api/v1/billing/orders?limit=many"), shop.asCoach())
                        .getStatus())
                .isEqualTo(400);
    }

    @Test
    void revenue_counts_this_month_s_sale_and_refuses_a_bad_range() throws Exception {
        shop.buy(shop.guide, "Rae Runner");

        MockHttpServletResponse response = api.call(get("/api/v1/billing/revenue?months=3"), shop.asOwner());
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        JsonNode months = api.body(response);
        assertThat(months).hasSize(3);
        JsonNode current = months.get(2);
        assertThat(current.get("month").asString())
                .isEqualTo(YearMonth.now(ZoneId.of(shop.business.timeZone())).toString());
        assertThat(current.get("currency").asString()).isEqualTo("USD");
        assertThat(current.get("grossMinor").asLong()).isEqualTo(2900);
        assertThat(current.get("feesMinor").asLong()).isPositive();
        assertThat(current.get("netMinor").asLong())
                .isEqualTo(2900 - current.get("feesMinor").asLong());
        assertThat(months.get(0).get("grossMinor").asLong()).isZero();

        assertThat(api.detail(
                        api.call(get("/api/v1/billing/revenue?months=0"), shop.asOwner()), 400, "invalid-request"))
                .contains("1 to 36 months");
        assertThat(api.detail(
                        api.call(get("/api/v1/billing/revenue?months=37"), shop.asOwner()), 400, "invalid-request"))
                .contains("1 to 36 months");
    }

    @Test
    void a_coaching_subscriber_is_listed_for_the_coach_and_manages_her_card_in_stripe_s_portal() throws Exception {
        SandboxShop.Bought bought = shop.buy(shop.coaching, "Jess Coached");

        JsonNode subscribers = api.body(api.call(get("/api/v1/billing/subscribers"), shop.asCoach()));
        assertThat(subscribers).hasSize(1);
        JsonNode subscriber = subscribers.get(0);
        assertThat(subscriber.get("clientEmail").asString()).isEqualTo(bought.email());
        assertThat(subscriber.get("status").asString()).isIn("ACTIVE", "TRIALING");
        assertThat(subscriber.get("amountMinor").asLong()).isEqualTo(9900);

        JsonNode purchases = api.body(api.call(get("/api/v1/me/purchases"), client(bought)));
        assertThat(purchases).hasSize(1);
        JsonNode coaching = purchases.get(0);
        assertThat(coaching.get("offerKind").asString()).isEqualToIgnoringCase("coaching");
        assertThat(coaching.get("status").asString()).isEqualTo("ACTIVE");
        String subscription = coaching.get("subscriptionId").asString();
        assertThat(subscription).isEqualTo(subscriber.get("subscriptionId").asString());
        String portal = "/api/v1/me/subscriptions/" + subscription + "/portal";

        MockHttpServletResponse opened =
                api.send(post(portal), client(bought), Map.of("returnUrl", "http://localhost:8080/portal/purchases"));
        assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(200);
        assertThat(api.body(opened).get("url").asString()).startsWith(sandbox.url());

        assertThat(api.detail(
                        api.send(post(portal), client(bought), Map.of("returnUrl", "https://evil.example/x")),
                        400,
                        "invalid-request"))
                .contains("must be on http://localhost:8080");
        assertThat(api.detail(api.send(post(portal), client(bought), Map.of()), 400, "invalid-request"))
                .contains("returnUrl");
        api.problem(
                api.send(post(portal), shop.asCoach(), Map.of("returnUrl", "http://localhost:8080/")),
                403,
                "forbidden");

        // Another client of the same business: none of it is hers.
        UUID otherUser = UUID.randomUUID();
        LedgerTestData.client(shop.business.id(), otherUser, "sam-" + otherUser + "@example.com", "Sam Roe");
        RequestPostProcessor sam = member(otherUser, Role.CLIENT, shop.business.id());
        assertThat(api.body(api.call(get("/api/v1/me/purchases"), sam))).isEmpty();
        api.problem(
                api.send(post(portal), sam, Map.of("returnUrl", "http://localhost:8080/portal/purchases")),
                404,
                "subscription-not-found");
        api.problem(api.call(get("/api/v1/me/purchases"), shop.asCoach()), 403, "forbidden");
    }

    private RequestPostProcessor client(SandboxShop.Bought bought) {
        return member(bought.userId(), Role.CLIENT, shop.business.id());
    }

    private int refundRows() {
        AtomicInteger count = new AtomicInteger();
        TestTenants.seed(
                shop.business.id(),
                db -> count.set(db.fetchCount(
                        REFUNDS, REFUNDS.TENANT_ID.eq(shop.business.id().value()))));
        return count.get();
    }
}
