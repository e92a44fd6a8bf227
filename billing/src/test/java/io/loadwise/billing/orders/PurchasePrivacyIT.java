package io.loadwise.billing.orders;

import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.loadwise.billing.ApiCalls;
import io.loadwise.billing.delivery.GuideDownloads;
import io.loadwise.jooq.tables.records.EntitlementsRecord;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.jooq.tables.records.SubscriptionsRecord;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A buyer's purchases in her data export and in her erasure, over the API a coach uses: the
 * export lists her orders, what they granted and her subscription; erasure keeps every financial
 * row (bookkeeping law) but no longer says who bought — not in the ledger, not in the export, not
 * on the guide's stamped pages.
 */
@IntegrationTest
class PurchasePrivacyIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    GuideDownloads downloads;

    final JsonMapper json = JsonMapper.builder().build();
    ApiCalls api;
    SandboxShop shop;
    SandboxShop.Bought guide;
    SandboxShop.Bought coaching;
    SandboxShop.Bought someoneElse;
    String email;

    @BeforeEach
    void ginaOnTheRosterBoughtTheGuideAndCoaching() throws Exception {
        api = new ApiCalls(context);
        shop = SandboxShop.open("Privacy", context);
        email = "gina-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID gina = shop.rosterClientWithoutLogin("Gina Guest", email);
        guide = shop.buyAs(shop.guide, gina, null, email, "Gina Guest");
        coaching = shop.buyAs(shop.coaching, gina, null, email, "Gina Guest");
        assertThat(shop.order(guide.orderId()).getClientId()).isEqualTo(gina);
        assertThat(shop.order(coaching.orderId()).getClientId()).isEqualTo(gina);
        someoneElse = shop.buy(shop.guide, "Olga Other");
    }

    @Test
    void her_export_holds_her_orders_entitlements_and_subscription_and_nobody_else_s() throws Exception {
        JsonNode purchases = export(guide.clientId()).get("purchases");

        JsonNode orders = purchases.get("orders");
        assertThat(orders).hasSize(2);
        assertThat(ids(orders))
                .containsExactlyInAnyOrder(
                        guide.orderId().toString(), coaching.orderId().toString());
        JsonNode guideOrder = byId(orders, guide.orderId());
        assertThat(guideOrder.get("offer").asString()).isEqualTo("Return-to-run guide");
        assertThat(guideOrder.get("status").asString()).isEqualTo("paid");
        assertThat(guideOrder.get("buyerName").asString()).isEqualTo("Gina Guest");
        assertThat(guideOrder.get("buyerEmail").asString()).isEqualTo(email);
        assertThat(guideOrder.get("currency").asString()).isEqualTo("USD");
        assertThat(guideOrder.get("totalMinor").asLong()).isEqualTo(2900);
        assertThat(guideOrder.get("paidAt").isNull()).isFalse();

        JsonNode entitlements = purchases.get("entitlements");
        assertThat(entitlements).hasSize(2);
        List<String> titles = new ArrayList<>();
        entitlements.forEach(e -> titles.add(e.get("offer").asString()));
        assertThat(titles).containsExactlyInAnyOrder("Return-to-run guide", "Monthly coaching");
        entitlements.forEach(e -> assertThat(e.get("status").asString()).isEqualTo("active"));

        JsonNode subscriptions = purchases.get("subscriptions");
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.get(0).get("offer").asString()).isEqualTo("Monthly coaching");
        assertThat(subscriptions.get(0).get("amountMinor").asLong()).isEqualTo(9900);
        assertThat(subscriptions.get(0).get("status").asString()).isIn("active", "trialing");

        assertThat(purchases.toString())
                .doesNotContain(someoneElse.email())
                .doesNotContain(someoneElse.orderId().toString());
    }

    @Test
    void erasure_keeps_the_ledger_but_not_who_bought_and_her_guide_is_no_longer_stamped_with_her_name()
            throws Exception {
        URI link = downloads.linkForOrder(shop.business.id(), guide.orderId()).orElseThrow();
        assertThat(stampOf(link)).contains("Gina Guest").contains(email);
        OrdersRecord before = shop.order(guide.orderId());

        MockHttpServletResponse erased =
                api.call(post("/api/v1/clients/" + guide.clientId() + "/erasure"), shop.asOwner());

        assertThat(erased.getStatus()).as(erased.getContentAsString()).isEqualTo(200);
        JsonNode summary = api.body(erased);
        JsonNode removed = null;
        for (JsonNode r : summary.get("removed")) {
            if (r.get("category").asString().equals("purchases")) {
                removed = r;
            }
        }
        assertThat(removed).as(summary.toString()).isNotNull();
        assertThat(removed.get("count").asInt())
                .as("both of her orders made anonymous")
                .isEqualTo(2);
        JsonNode ordersKept = null;
        for (JsonNode k : summary.get("kept")) {
            if (k.get("what").asString().contains("orders")) {
                ordersKept = k;
            }
        }
        assertThat(ordersKept).as(summary.toString()).isNotNull();
        assertThat(ordersKept.get("why").asString())
                .as("she has orders: the summary must not say there are none")
                .doesNotContain("None exist");

        // The ledger keeps every amount and state, but not her name or address.
        OrdersRecord after = shop.order(guide.orderId());
        assertThat(after.getBuyerName()).isNull();
        assertThat(after.getBuyerEmail()).doesNotContain(email).doesNotContain("gina");
        assertThat(after.getStatus()).isEqualTo(before.getStatus());
        assertThat(after.getAmountTotalMinor()).isEqualTo(before.getAmountTotalMinor());
        assertThat(after.getApplicationFeeMinor()).isEqualTo(before.getApplicationFeeMinor());
        assertThat(after.getStripeChargeId()).isEqualTo(before.getStripeChargeId());
        assertThat(after.getClientId()).isEqualTo(guide.clientId());
        assertThat(shop.order(coaching.orderId()).getBuyerEmail()).doesNotContain(email);
        assertThat(entitlements(guide.clientId())).hasSize(2);
        assertThat(subscription(coaching.orderId())).isNotNull();

        // The coach's ledger and the export no longer say who she was; Olga's order is untouched.
        JsonNode order = api.body(api.call(get("/api/v1/billing/orders/" + guide.orderId()), shop.asOwner()));
        assertThat(order.get("amountTotalMinor").asLong()).isEqualTo(2900);
        assertThat(order.toString()).doesNotContain(email).doesNotContain("Gina");
        assertThat(export(guide.clientId()).toString()).doesNotContain(email).doesNotContain("Gina Guest");
        assertThat(shop.order(someoneElse.orderId()).getBuyerEmail()).isEqualTo(someoneElse.email());

        // A link issued before erasure no longer stamps the guide with her name or address.
        String stamp = stampOf(link);
        assertThat(stamp).doesNotContain("Gina").doesNotContain(email);
        assertThat(stamp).contains("Order " + guide.orderId());

        // Asked again: the same summary, nothing more to remove.
        JsonNode again = api.body(api.call(post("/api/v1/clients/" + guide.clientId() + "/erasure"), shop.asOwner()));
        assertThat(again.get("alreadyErased").asBoolean()).isTrue();
    }

    @Test
    void a_coach_of_another_business_can_neither_export_nor_erase_her() throws Exception {
        SandboxShop other = SandboxShop.open("Privacy rival", context);
        RequestPostProcessor rival = other.asOwner();

        api.problem(api.call(get("/api/v1/clients/" + guide.clientId() + "/export"), rival), 404, "client-not-found");
        api.problem(api.call(post("/api/v1/clients/" + guide.clientId() + "/erasure"), rival), 404, "client-not-found");

        assertThat(shop.order(guide.orderId()).getBuyerEmail()).isEqualTo(email);
        assertThat(shop.order(guide.orderId()).getBuyerName()).isEqualTo("Gina Guest");
    }

    /** data.json of the export ZIP the coach downloads. */
    private JsonNode export(UUID client) throws Exception {
        MockHttpServletResponse response = api.call(get("/api/v1/clients/" + client + "/export"), shop.asOwner());
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("data.json")) {
                    return json.readTree(zip.readAllBytes());
                }
            }
        }
        throw new AssertionError("The export has no data.json");
    }

    /** The text stamped on the first page of the guide the link downloads. */
    private String stampOf(URI link) throws Exception {
        MockHttpServletResponse pdf = api.call(get(link.getPath()), r -> r);
        assertThat(pdf.getStatus()).as(pdf.getContentAsString()).isEqualTo(200);
        PdfReader reader = new PdfReader(pdf.getContentAsByteArray());
        return new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    private static JsonNode byId(JsonNode list, UUID id) {
        for (JsonNode n : list) {
            if (n.get("id").asString().equals(id.toString())) {
                return n;
            }
        }
        throw new AssertionError(id + " not in " + list);
    }

    private List<EntitlementsRecord> entitlements(UUID client) {
        AtomicReference<List<EntitlementsRecord>> found = new AtomicReference<>();
        TestTenants.seed(
                shop.business.id(),
                db -> found.set(db.selectFrom(ENTITLEMENTS)
                        .where(ENTITLEMENTS.CLIENT_ID.eq(client))
                        .fetch()));
        return found.get();
    }

    private SubscriptionsRecord subscription(UUID orderId) {
        AtomicReference<SubscriptionsRecord> found = new AtomicReference<>();
        TestTenants.seed(shop.business.id(), db -> {
            String stripeSubscription = db.select(ORDERS.STRIPE_SUBSCRIPTION_ID)
                    .from(ORDERS)
                    .where(ORDERS.ID.eq(orderId))
                    .fetchOne(ORDERS.STRIPE_SUBSCRIPTION_ID);
            found.set(db.selectFrom(SUBSCRIPTIONS)
                    .where(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID.eq(stripeSubscription))
                    .fetchOne());
        });
        return found.get();
    }
}
