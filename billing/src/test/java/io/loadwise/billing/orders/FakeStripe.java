package io.loadwise.billing.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.loadwise.billing.CheckoutMetadata;
import io.loadwise.tenancy.TenantId;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's API as stripe-java reaches it, over HTTP (WireMock), answering with the objects of
 * Stripe's own fixtures ({@code stripe/fixtures3.json}) changed to what a test's story needs. It
 * holds Stripe's <em>current</em> state: re-fetches, as the handlers make them, always see the
 * latest objects whatever the order of the events. For the billing ITs until the shared Stripe
 * sandbox answers the same calls.
 */
public final class FakeStripe {

    private static final FakeStripe SHARED = new FakeStripe();

    private final WireMockServer server;
    private final JsonObject fixtures;
    private final Gson gson = new Gson();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, List<JsonObject>> refundsByCharge = new LinkedHashMap<>();

    private FakeStripe() {
        server = new WireMockServer(options().dynamicPort().extensions(new CurrentObjects()));
        server.start();
        // Anything not held below or stubbed by a test is unknown to Stripe.
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                        com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
                .atPriority(10)
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such object\"}}")));
        try (var reader = new InputStreamReader(
                Objects.requireNonNull(FakeStripe.class.getResourceAsStream("/stripe/fixtures3.json")),
                StandardCharsets.UTF_8)) {
            fixtures = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonObject("resources");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    public static FakeStripe shared() {
        return SHARED;
    }

    public String url() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    public String id(String prefix) {
        return prefix + "_t" + Long.toString(System.nanoTime(), 36) + sequence.incrementAndGet();
    }

    /** A copy of the fixture object of a type, e.g. {@code "checkout.session"}. */
    public JsonObject fixture(String type) {
        return fixtures.getAsJsonObject(type).deepCopy();
    }

    // --- state -------------------------------------------------------------------------------

    /**
     * Stripe's current objects by path (and list filter), answered by one extension rather than a
     * stub each: thousands of objects over a property test's tries stay a map lookup.
     */
    private final Map<String, String> current = new java.util.concurrent.ConcurrentHashMap<>();

    private static final List<String> LIST_FILTERS = List.of("charge", "payment_intent", "subscription", "invoice");

    private final class CurrentObjects implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            var request = serveEvent.getRequest();
            if (!RequestMethod.GET.equals(request.getMethod())) {
                return serveEvent.getResponseDefinition();
            }
            String path = request.getUrl().replaceAll("\\?.*$", "");
            String body = current.get(path);
            for (String filter : LIST_FILTERS) {
                var parameter = request.queryParameter(filter);
                if (body == null && parameter.isPresent()) {
                    body = current.get(path + "?" + filter + "=" + parameter.firstValue());
                }
            }
            if (body == null) {
                return serveEvent.getResponseDefinition();
            }
            return ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)
                    .build();
        }

        @Override
        public String getName() {
            return "stripe-current-objects";
        }
    }

    public void put(String path, JsonObject object) {
        current.put(path, gson.toJson(object));
    }

    /** A list answer for {@code path} filtered by one parameter, e.g. refunds of a charge. */
    public void list(String path, Map<String, String> query, List<JsonObject> objects) {
        if (query.size() != 1) {
            throw new IllegalArgumentException("One list filter at a time");
        }
        var filter = query.entrySet().iterator().next();
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        list.addProperty("url", path);
        list.addProperty("has_more", false);
        JsonArray data = new JsonArray();
        objects.forEach(data::add);
        list.add("data", data);
        current.put(path + "?" + filter.getKey() + "=" + filter.getValue(), gson.toJson(list));
    }

    // --- stories -----------------------------------------------------------------------------

    /** A one-time checkout as Stripe holds it once paid: session, payment intent and charge. */
    public Checkout paidCheckout(
            TenantId tenant,
            UUID offerId,
            @Nullable UUID orderId,
            @Nullable UUID clientId,
            String email,
            String name,
            long subtotal,
            String currency,
            long applicationFee) {
        String sessionId = id("cs_test");
        String intentId = id("pi");
        String chargeId = id("ch");
        JsonObject session =
                session(sessionId, "payment", tenant, offerId, orderId, clientId, email, name, subtotal, currency);
        session.addProperty("payment_intent", intentId);
        put("/v1/checkout/sessions/" + sessionId, session);
        list("/v1/checkout/sessions", Map.of("payment_intent", intentId), List.of(session));
        JsonObject intent = fixture("payment_intent");
        intent.addProperty("id", intentId);
        intent.addProperty("status", "succeeded");
        intent.addProperty("amount", subtotal);
        intent.addProperty("amount_received", subtotal);
        intent.addProperty("currency", currency.toLowerCase());
        intent.addProperty("application_fee_amount", applicationFee);
        intent.addProperty("latest_charge", chargeId);
        put("/v1/payment_intents/" + intentId, intent);
        JsonObject charge = charge(chargeId, intentId, subtotal, currency, applicationFee);
        put("/v1/charges/" + chargeId, charge);
        refundsByCharge.put(chargeId, new ArrayList<>());
        list("/v1/refunds", Map.of("charge", chargeId), List.of());
        return new Checkout(sessionId, intentId, chargeId, null, null);
    }

    /** A checkout whose bank debit is still processing (or failed later). */
    public Checkout processingCheckout(
            TenantId tenant, UUID offerId, UUID orderId, String email, long subtotal, String currency) {
        String sessionId = id("cs_test");
        String intentId = id("pi");
        JsonObject session =
                session(sessionId, "payment", tenant, offerId, orderId, null, email, "Async Buyer", subtotal, currency);
        session.addProperty("payment_status", "unpaid");
        session.addProperty("payment_intent", intentId);
        put("/v1/checkout/sessions/" + sessionId, session);
        JsonObject intent = fixture("payment_intent");
        intent.addProperty("id", intentId);
        intent.addProperty("status", "processing");
        put("/v1/payment_intents/" + intentId, intent);
        return new Checkout(sessionId, intentId, null, null, null);
    }

    public void failPayment(Checkout checkout) {
        JsonObject intent = fixture("payment_intent");
        intent.addProperty("id", checkout.paymentIntentId());
        intent.addProperty("status", "requires_payment_method");
        put("/v1/payment_intents/" + checkout.paymentIntentId(), intent);
    }

    public void expire(Checkout checkout, TenantId tenant, UUID offerId, UUID orderId) {
        JsonObject session = session(
                checkout.sessionId(), "payment", tenant, offerId, orderId, null, "x@example.com", "X", 0, "usd");
        session.addProperty("status", "expired");
        session.addProperty("payment_status", "unpaid");
        session.add("payment_intent", null);
        put("/v1/checkout/sessions/" + checkout.sessionId(), session);
    }

    /**
     * A paid subscription checkout: session, subscription (in {@code status}), its first invoice
     * paid through a payment intent and charge.
     */
    public Checkout subscriptionCheckout(
            TenantId tenant,
            UUID offerId,
            @Nullable UUID orderId,
            UUID clientId,
            String email,
            long price,
            String currency,
            long applicationFee,
            String status) {
        String sessionId = id("cs_test");
        String subscriptionId = id("sub");
        String invoiceId = id("in");
        String intentId = id("pi");
        String chargeId = id("ch");
        String customerId = id("cus");
        JsonObject session = session(
                sessionId, "subscription", tenant, offerId, orderId, clientId, email, "Sub Scriber", price, currency);
        session.add("payment_intent", null);
        session.addProperty("subscription", subscriptionId);
        session.addProperty("invoice", invoiceId);
        session.addProperty("customer", customerId);
        put("/v1/checkout/sessions/" + sessionId, session);
        list("/v1/checkout/sessions", Map.of("subscription", subscriptionId), List.of(session));
        JsonObject invoice = fixture("invoice");
        invoice.addProperty("id", invoiceId);
        invoice.addProperty("status", "paid");
        invoice.addProperty("billing_reason", "subscription_create");
        invoice.addProperty("currency", currency.toLowerCase());
        invoice.addProperty("subtotal", price);
        invoice.addProperty("total", price);
        invoice.addProperty("amount_paid", price);
        invoice.addProperty("customer", customerId);
        invoice.addProperty("customer_email", email);
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_details");
        JsonObject details = new JsonObject();
        details.addProperty("subscription", subscriptionId);
        parent.add("subscription_details", details);
        invoice.add("parent", parent);
        invoice.add("total_discount_amounts", new JsonArray());
        invoice.add("total_taxes", new JsonArray());
        put("/v1/invoices/" + invoiceId, invoice);
        JsonObject payment = fixture("invoice_payment");
        payment.addProperty("id", id("inpay"));
        payment.addProperty("invoice", invoiceId);
        payment.addProperty("status", "paid");
        JsonObject paymentRef = new JsonObject();
        paymentRef.addProperty("type", "payment_intent");
        paymentRef.addProperty("payment_intent", intentId);
        payment.add("payment", paymentRef);
        list("/v1/invoice_payments", Map.of("invoice", invoiceId), List.of(payment));
        JsonObject intent = fixture("payment_intent");
        intent.addProperty("id", intentId);
        intent.addProperty("status", "succeeded");
        intent.addProperty("application_fee_amount", applicationFee);
        intent.addProperty("latest_charge", chargeId);
        put("/v1/payment_intents/" + intentId, intent);
        put("/v1/charges/" + chargeId, charge(chargeId, intentId, price, currency, applicationFee));
        refundsByCharge.put(chargeId, new ArrayList<>());
        list("/v1/refunds", Map.of("charge", chargeId), List.of());
        subscription(subscriptionId, customerId, tenant, offerId, orderId, clientId, price, currency, status);
        return new Checkout(sessionId, intentId, chargeId, subscriptionId, invoiceId);
    }

    /** The subscription as Stripe has it now, in {@code status}. */
    public void subscription(
            String subscriptionId,
            String customerId,
            TenantId tenant,
            UUID offerId,
            @Nullable UUID orderId,
            UUID clientId,
            long price,
            String currency,
            String status) {
        JsonObject subscription = fixture("subscription");
        subscription.addProperty("id", subscriptionId);
        subscription.addProperty("customer", customerId);
        subscription.addProperty("status", status);
        subscription.addProperty("currency", currency.toLowerCase());
        subscription.add("metadata", metadata(tenant, offerId, orderId, clientId));
        long now = Instant.now().getEpochSecond();
        subscription.addProperty("start_date", now - 3600);
        subscription.addProperty("created", now - 3600);
        subscription.addProperty("cancel_at_period_end", false);
        subscription.add("canceled_at", null);
        subscription.add("ended_at", null);
        subscription.add("trial_end", null);
        if (status.equals("trialing")) {
            subscription.addProperty("trial_end", now + 14 * 86400);
        }
        if (status.equals("canceled")) {
            subscription.addProperty("canceled_at", now);
            subscription.addProperty("ended_at", now);
        }
        JsonObject item = subscription
                .getAsJsonObject("items")
                .getAsJsonArray("data")
                .get(0)
                .getAsJsonObject();
        item.addProperty("subscription", subscriptionId);
        item.addProperty("current_period_end", now + 30 * 86400);
        item.addProperty("current_period_start", now);
        JsonObject priceObject = item.getAsJsonObject("price");
        priceObject.addProperty("unit_amount", price);
        priceObject.addProperty("unit_amount_decimal", Long.toString(price));
        priceObject.addProperty("currency", currency.toLowerCase());
        priceObject.getAsJsonObject("recurring").addProperty("interval_count", 1);
        put("/v1/subscriptions/" + subscriptionId, subscription);
    }

    /** A renewal invoice of a subscription, paid through its own payment intent and charge. */
    public String renewal(String subscriptionId, String email, long price, String currency, long applicationFee) {
        String invoiceId = id("in");
        String intentId = id("pi");
        String chargeId = id("ch");
        JsonObject invoice = fixture("invoice");
        invoice.addProperty("id", invoiceId);
        invoice.addProperty("status", "paid");
        invoice.addProperty("billing_reason", "subscription_cycle");
        invoice.addProperty("currency", currency.toLowerCase());
        invoice.addProperty("subtotal", price);
        invoice.addProperty("total", price);
        invoice.addProperty("amount_paid", price);
        invoice.addProperty("customer_email", email);
        JsonObject parent = new JsonObject();
        parent.addProperty("type", "subscription_details");
        JsonObject details = new JsonObject();
        details.addProperty("subscription", subscriptionId);
        parent.add("subscription_details", details);
        invoice.add("parent", parent);
        invoice.add("total_discount_amounts", new JsonArray());
        invoice.add("total_taxes", new JsonArray());
        put("/v1/invoices/" + invoiceId, invoice);
        JsonObject payment = fixture("invoice_payment");
        payment.addProperty("id", id("inpay"));
        payment.addProperty("invoice", invoiceId);
        payment.addProperty("status", "paid");
        JsonObject paymentRef = new JsonObject();
        paymentRef.addProperty("type", "payment_intent");
        paymentRef.addProperty("payment_intent", intentId);
        payment.add("payment", paymentRef);
        list("/v1/invoice_payments", Map.of("invoice", invoiceId), List.of(payment));
        JsonObject intent = fixture("payment_intent");
        intent.addProperty("id", intentId);
        intent.addProperty("status", "succeeded");
        intent.addProperty("application_fee_amount", applicationFee);
        intent.addProperty("latest_charge", chargeId);
        put("/v1/payment_intents/" + intentId, intent);
        put("/v1/charges/" + chargeId, charge(chargeId, intentId, price, currency, applicationFee));
        return invoiceId;
    }

    /** Stripe refunded {@code amount} of a charge (succeeded), as its dashboard or our request would. */
    public synchronized String refund(String chargeId, long amount, @Nullable UUID ourRefundId) {
        return refund(chargeId, amount, ourRefundId, id("re"));
    }

    public synchronized String refund(String chargeId, long amount, @Nullable UUID ourRefundId, String refundId) {
        JsonObject refund = fixture("refund");
        refund.addProperty("id", refundId);
        refund.addProperty("charge", chargeId);
        refund.addProperty("amount", amount);
        refund.addProperty("status", "succeeded");
        JsonObject metadata = new JsonObject();
        if (ourRefundId != null) {
            metadata.addProperty("loadwise_refund", ourRefundId.toString());
        }
        refund.add("metadata", metadata);
        List<JsonObject> refunds = refundsByCharge.computeIfAbsent(chargeId, c -> new ArrayList<>());
        refunds.add(refund);
        JsonObject charge = currentCharge(chargeId);
        long refunded =
                refunds.stream().mapToLong(r -> r.get("amount").getAsLong()).sum();
        refund.addProperty("currency", charge.get("currency").getAsString());
        charge.addProperty("amount_refunded", refunded);
        charge.addProperty("refunded", refunded >= charge.get("amount").getAsLong());
        put("/v1/charges/" + chargeId, charge);
        list("/v1/refunds", Map.of("charge", chargeId), refunds);
        return refundId;
    }

    public void dispute(String disputeId, String chargeId, long amount, String currency, String status) {
        JsonObject dispute = fixture("dispute");
        dispute.addProperty("id", disputeId);
        dispute.addProperty("charge", chargeId);
        dispute.addProperty("amount", amount);
        dispute.addProperty("currency", currency.toLowerCase());
        dispute.addProperty("status", status);
        dispute.addProperty("reason", "fraudulent");
        put("/v1/disputes/" + disputeId, dispute);
        JsonObject charge = currentCharge(chargeId);
        charge.addProperty("disputed", true);
        put("/v1/charges/" + chargeId, charge);
    }

    private final Map<String, JsonObject> charges = new LinkedHashMap<>();

    private JsonObject currentCharge(String chargeId) {
        return Objects.requireNonNull(charges.get(chargeId), () -> "no charge " + chargeId);
    }

    private JsonObject charge(String chargeId, String intentId, long amount, String currency, long applicationFee) {
        JsonObject charge = fixture("charge");
        charge.addProperty("id", chargeId);
        charge.addProperty("payment_intent", intentId);
        charge.addProperty("amount", amount);
        charge.addProperty("amount_captured", amount);
        charge.addProperty("amount_refunded", 0);
        charge.addProperty("refunded", false);
        charge.addProperty("currency", currency.toLowerCase());
        charge.addProperty("application_fee_amount", applicationFee);
        charges.put(chargeId, charge);
        return charge;
    }

    private JsonObject session(
            String id,
            String mode,
            TenantId tenant,
            UUID offerId,
            @Nullable UUID orderId,
            @Nullable UUID clientId,
            String email,
            String name,
            long subtotal,
            String currency) {
        JsonObject session = fixture("checkout.session");
        session.addProperty("id", id);
        session.addProperty("mode", mode);
        session.addProperty("status", "complete");
        session.addProperty("payment_status", "paid");
        session.addProperty("currency", currency.toLowerCase());
        session.addProperty("amount_subtotal", subtotal);
        session.addProperty("amount_total", subtotal);
        session.addProperty("livemode", false);
        JsonObject totals = new JsonObject();
        totals.addProperty("amount_discount", 0);
        totals.addProperty("amount_tax", 0);
        totals.addProperty("amount_shipping", 0);
        session.add("total_details", totals);
        JsonObject customer = session.getAsJsonObject("customer_details");
        customer.addProperty("email", email);
        customer.addProperty("name", name);
        session.add("metadata", metadata(tenant, offerId, orderId, clientId));
        return session;
    }

    private static JsonObject metadata(TenantId tenant, UUID offerId, @Nullable UUID orderId, @Nullable UUID clientId) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty(CheckoutMetadata.TENANT, tenant.toString());
        metadata.addProperty(CheckoutMetadata.OFFER, offerId.toString());
        if (orderId != null) {
            metadata.addProperty(CheckoutMetadata.ORDER, orderId.toString());
        }
        if (clientId != null) {
            metadata.addProperty(CheckoutMetadata.CLIENT, clientId.toString());
        }
        return metadata;
    }

    /** The Stripe objects a checkout made. */
    public record Checkout(
            String sessionId,
            String paymentIntentId,
            @Nullable String chargeId,
            @Nullable String subscriptionId,
            @Nullable String invoiceId) {}

    /**
     * Answers the next refund request with a pending refund {@code refundId}; with {@code
     * failFirst}, the first attempt gets a 500 that asks stripe-java to retry (Stripe-Should-Retry).
     */
    public void answerRefunds(String refundId, String chargeId, long amount, String currency, boolean failFirst) {
        JsonObject refund = fixture("refund");
        refund.addProperty("id", refundId);
        refund.addProperty("charge", chargeId);
        refund.addProperty("amount", amount);
        refund.addProperty("currency", currency.toLowerCase());
        refund.addProperty("status", "pending");
        String scenario = "refund " + refundId;
        if (failFirst) {
            server.stubFor(post(urlPathEqualTo("/v1/refunds"))
                    .inScenario(scenario)
                    .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                    .willReturn(aResponse()
                            .withStatus(500)
                            .withHeader("Stripe-Should-Retry", "true")
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"try again\"}}"))
                    .willSetStateTo("answered"));
            server.stubFor(post(urlPathEqualTo("/v1/refunds"))
                    .inScenario(scenario)
                    .whenScenarioStateIs("answered")
                    .willReturn(okJson(gson.toJson(refund))));
        } else {
            server.stubFor(post(urlPathEqualTo("/v1/refunds")).willReturn(okJson(gson.toJson(refund))));
        }
    }
}
