package io.loadwise.billing.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Account;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.PromotionCode;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.Subscription;
import com.stripe.model.WebhookEndpoint;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SubscriptionUpdateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.billingportal.SessionCreateParams.Builder;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionRetrieveParams;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox answers stripe-java like Stripe, and its webhooks verify with stripe-java. */
class StripeSandboxTests {

    static StripeSandbox sandbox;
    static StripeClient stripe;
    static HttpServer receiver;
    static final List<Event> received = new CopyOnWriteArrayList<>();
    static final List<String> receivedOn = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sandbox = StripeSandbox.start(0);
        stripe = StripeClient.builder()
                .setApiKey("sk_test_sandbox")
                .setApiBase(sandbox.url())
                .setConnectBase(sandbox.url())
                .setFilesBase(sandbox.url())
                .build();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        for (String endpoint : List.of("platform", "connect")) {
            receiver.createContext("/" + endpoint, exchange -> {
                String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                try {
                    received.add(Webhook.constructEvent(
                            payload,
                            exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                            sandbox.webhookSecret(),
                            300));
                    receivedOn.add(endpoint);
                    exchange.sendResponseHeaders(200, -1);
                } catch (Exception e) {
                    exchange.sendResponseHeaders(400, -1);
                }
                exchange.close();
            });
        }
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        for (boolean connect : List.of(false, true)) {
            WebhookEndpoint endpoint = stripe.v1()
                    .webhookEndpoints()
                    .create(WebhookEndpointCreateParams.builder()
                            .setUrl(base + (connect ? "/connect" : "/platform"))
                            .setConnect(connect)
                            .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.ALL)
                            .build());
            assertThat(endpoint.getSecret()).isEqualTo(sandbox.webhookSecret());
        }
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
        sandbox.close();
    }

    static String onboardedAccount() throws Exception {
        Account account = stripe.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .setCountry("DE")
                        .setEmail("coach@example.test")
                        .putMetadata("loadwise_tenant", "t1")
                        .build());
        assertThat(account.getChargesEnabled()).isFalse();
        var link = stripe.v1()
                .accountLinks()
                .create(AccountLinkCreateParams.builder()
                        .setAccount(account.getId())
                        .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                        .setReturnUrl("http://app.test/return")
                        .setRefreshUrl("http://app.test/refresh")
                        .build());
        assertThat(link.getUrl()).startsWith(sandbox.url() + "/connect/onboarding/" + account.getId());
        sandbox.completeOnboarding(account.getId());
        assertThat(stripe.v1().accounts().retrieve(account.getId()).getChargesEnabled())
                .isTrue();
        return account.getId();
    }

    @Test
    void aProductCanComeWithItsDefaultPrice() throws Exception {
        String account = onboardedAccount();
        RequestOptions on = RequestOptions.builder().setStripeAccount(account).build();
        Product product = stripe.v1()
                .products()
                .create(
                        ProductCreateParams.builder()
                                .setName("Coaching")
                                .setDefaultPriceData(ProductCreateParams.DefaultPriceData.builder()
                                        .setCurrency("eur")
                                        .setUnitAmount(9_900L)
                                        .build())
                                .build(),
                        on);
        assertThat(stripe.v1().prices().retrieve(product.getDefaultPrice(), on).getUnitAmount())
                .isEqualTo(9_900);
    }

    static Price price(String account, long amount, boolean monthly) throws Exception {
        RequestOptions on = RequestOptions.builder().setStripeAccount(account).build();
        Product product = stripe.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Strength guide").build(), on);
        PriceCreateParams.Builder price = PriceCreateParams.builder()
                .setProduct(product.getId())
                .setCurrency("eur")
                .setUnitAmount(amount);
        if (monthly) {
            price.setRecurring(PriceCreateParams.Recurring.builder()
                    .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                    .setIntervalCount(1L)
                    .build());
        }
        return stripe.v1().prices().create(price.build(), on);
    }

    @Test
    void aPaidCheckoutCarriesTheFeeAndIsDeliveredToTheConnectEndpoint() throws Exception {
        String account = onboardedAccount();
        RequestOptions on = RequestOptions.builder().setStripeAccount(account).build();
        Price price = price(account, 2_900, false);
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
                                .setSuccessUrl("http://app.test/done?session={CHECKOUT_SESSION_ID}")
                                .setCustomerEmail("ann@example.test")
                                .putMetadata("loadwise_order", "o1")
                                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                                        .setApplicationFeeAmount(145L)
                                        .putMetadata("loadwise_order", "o1")
                                        .build())
                                .build(),
                        RequestOptions.builder()
                                .setStripeAccount(account)
                                .setIdempotencyKey("checkout:o1")
                                .build());
        assertThat(session.getUrl()).isEqualTo(sandbox.url() + "/checkout/" + session.getId());
        assertThat(session.getAmountTotal()).isEqualTo(2_900);
        assertThat(session.getStatus()).isEqualTo("open");

        // The same idempotency key answers the first session again.
        Session again = stripe.v1()
                .checkout()
                .sessions()
                .create(
                        SessionCreateParams.builder()
                                .setMode(SessionCreateParams.Mode.PAYMENT)
                                .addLineItem(SessionCreateParams.LineItem.builder()
                                        .setPrice(price.getId())
                                        .build())
                                .setSuccessUrl("http://app.test/done")
                                .build(),
                        RequestOptions.builder()
                                .setStripeAccount(account)
                                .setIdempotencyKey("checkout:o1")
                                .build());
        assertThat(again.getId()).isEqualTo(session.getId());

        // The checkout page shows the sandbox label; paying redirects to success_url.
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(session.getUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("Stripe sandbox — test mode, no real money", "29.00 EUR", "ann@example.test");
        HttpResponse<String> paid = http.send(
                HttpRequest.newBuilder(URI.create(session.getUrl() + "/pay"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=ann%40example.test&name=Ann+Lee&method=card"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).hasValue("http://app.test/done?session=" + session.getId());

        Session completed = stripe.v1()
                .checkout()
                .sessions()
                .retrieve(
                        session.getId(),
                        SessionRetrieveParams.builder()
                                .addExpand("payment_intent.latest_charge")
                                .addExpand("line_items")
                                .build(),
                        on);
        assertThat(completed.getStatus()).isEqualTo("complete");
        assertThat(completed.getPaymentStatus()).isEqualTo("paid");
        assertThat(completed.getCustomerDetails().getEmail()).isEqualTo("ann@example.test");
        assertThat(completed.getLineItems().getData())
                .singleElement()
                .satisfies(item -> assertThat(item.getPrice().getId()).isEqualTo(price.getId()));
        PaymentIntent intent = completed.getPaymentIntentObject();
        assertThat(intent.getApplicationFeeAmount()).isEqualTo(145);
        Charge charge = intent.getLatestChargeObject();
        assertThat(charge.getApplicationFeeAmount()).isEqualTo(145);
        assertThat(charge.getMetadata()).containsEntry("loadwise_order", "o1");
        // The platform's fee is an application fee on the platform's account.
        var fee = stripe.v1().applicationFees().retrieve(charge.getApplicationFee());
        assertThat(fee.getAmount()).isEqualTo(145);
        assertThat(fee.getAccount()).isEqualTo(account);

        sandbox.awaitDelivered("checkout.session.completed", session.getId());
        Event event = received.stream()
                .filter(e -> e.getType().equals("checkout.session.completed"))
                .filter(e -> e.getDataObjectDeserializer()
                        .getObject()
                        .map(o -> ((Session) o).getId().equals(session.getId()))
                        .orElse(false))
                .findFirst()
                .orElseThrow();
        assertThat(event.getAccount()).isEqualTo(account);
        assertThat(event.getApiVersion()).isEqualTo(com.stripe.Stripe.API_VERSION);
        assertThat(receivedOn.get(received.indexOf(event))).isEqualTo("connect");

        // Partial then full refund; too much is refused like Stripe does.
        Refund refund = stripe.v1()
                .refunds()
                .create(
                        RefundCreateParams.builder()
                                .setCharge(charge.getId())
                                .setAmount(900L)
                                .build(),
                        on);
        assertThat(refund.getStatus()).isEqualTo("succeeded");
        assertThat(stripe.v1().charges().retrieve(charge.getId(), on).getAmountRefunded())
                .isEqualTo(900);
        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(
                                RefundCreateParams.builder()
                                        .setCharge(charge.getId())
                                        .setAmount(5_000L)
                                        .build(),
                                on))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("greater than unrefunded amount");
        stripe.v1()
                .refunds()
                .create(
                        RefundCreateParams.builder()
                                .setPaymentIntent(intent.getId())
                                .build(),
                        on);
        assertThat(stripe.v1().charges().retrieve(charge.getId(), on).getRefunded())
                .isTrue();
        sandbox.awaitDelivered("charge.refunded", charge.getId());

        // Objects on one account are invisible on another and on the platform.
        assertThatThrownBy(() -> stripe.v1().charges().retrieve(charge.getId()))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(
                        e -> assertThat(((InvalidRequestException) e).getCode()).isEqualTo("resource_missing"));

        // Disputes from the dashboard's drivers.
        String dispute = sandbox.openDispute(account, charge.getId());
        sandbox.closeDispute(account, dispute, true);
        sandbox.awaitDelivered("charge.dispute.closed", dispute);
    }

    @Test
    void aSubscriptionCheckoutStartsATrialAndRenews() throws Exception {
        String account = onboardedAccount();
        RequestOptions on = RequestOptions.builder().setStripeAccount(account).build();
        Price price = price(account, 4_900, true);
        var coupon = stripe.v1()
                .coupons()
                .create(
                        CouponCreateParams.builder()
                                .setPercentOff(java.math.BigDecimal.valueOf(20))
                                .build(),
                        on);
        PromotionCode code = stripe.v1()
                .promotionCodes()
                .create(
                        PromotionCodeCreateParams.builder()
                                .setCode("SPRING")
                                .setPromotion(PromotionCodeCreateParams.Promotion.builder()
                                        .setType(PromotionCodeCreateParams.Promotion.Type.COUPON)
                                        .setCoupon(coupon.getId())
                                        .build())
                                .build(),
                        on);
        assertThat(code.getCode()).isEqualTo("SPRING");
        Session session = stripe.v1()
                .checkout()
                .sessions()
                .create(
                        SessionCreateParams.builder()
                                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                                .addLineItem(SessionCreateParams.LineItem.builder()
                                        .setPrice(price.getId())
                                        .setQuantity(1L)
                                        .build())
                                .setSuccessUrl("http://app.test/done")
                                .setAllowPromotionCodes(true)
                                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                                        .setApplicationFeePercent(java.math.BigDecimal.valueOf(5))
                                        .setTrialPeriodDays(7L)
                                        .putMetadata("loadwise_offer", "offer-1")
                                        .build())
                                .build(),
                        on);
        sandbox.payCheckout(session.getId(), "bo@example.test", "Bo", "spring");
        Session completed = stripe.v1()
                .checkout()
                .sessions()
                .retrieve(
                        session.getId(),
                        SessionRetrieveParams.builder()
                                .addExpand("subscription")
                                .build(),
                        on);
        Subscription subscription = completed.getSubscriptionObject();
        assertThat(subscription.getStatus()).isEqualTo("trialing");
        assertThat(subscription.getApplicationFeePercent()).isEqualByComparingTo("5");
        assertThat(subscription.getMetadata()).containsEntry("loadwise_offer", "offer-1");
        assertThat(subscription.getItems().getData().getFirst().getCurrentPeriodEnd())
                .isEqualTo(subscription.getTrialEnd());
        sandbox.awaitDelivered("customer.subscription.created", subscription.getId());
        sandbox.awaitDelivered("invoice.paid", subscription.getLatestInvoice());

        sandbox.renew(subscription.getId());
        Subscription renewed = stripe.v1().subscriptions().retrieve(subscription.getId(), on);
        assertThat(renewed.getStatus()).isEqualTo("active");
        Invoice invoice = stripe.v1().invoices().retrieve(renewed.getLatestInvoice(), on);
        // The 20 % coupon lasts "once" (the default): renewals are charged in full.
        assertThat(invoice.getAmountPaid()).isEqualTo(4_900);
        sandbox.failRenewal(subscription.getId());
        assertThat(stripe.v1()
                        .subscriptions()
                        .retrieve(subscription.getId(), on)
                        .getStatus())
                .isEqualTo("past_due");
        sandbox.awaitDelivered(
                "invoice.payment_failed",
                stripe.v1().subscriptions().retrieve(subscription.getId(), on).getLatestInvoice());

        stripe.v1()
                .subscriptions()
                .update(
                        subscription.getId(),
                        SubscriptionUpdateParams.builder()
                                .setCancelAtPeriodEnd(true)
                                .build(),
                        on);
        assertThat(stripe.v1()
                        .subscriptions()
                        .retrieve(subscription.getId(), on)
                        .getCancelAtPeriodEnd())
                .isTrue();
        var portal = stripe.v1()
                .billingPortal()
                .sessions()
                .create(
                        new Builder()
                                .setCustomer(subscription.getCustomer())
                                .setReturnUrl("http://app.test/me")
                                .build(),
                        on);
        assertThat(portal.getUrl()).startsWith(sandbox.url() + "/portal/");
        stripe.v1().subscriptions().cancel(subscription.getId(), on);
        sandbox.awaitDelivered("customer.subscription.deleted", subscription.getId());

        StripeCollection<Event> events =
                stripe.v1().events().list(EventListParams.builder().setLimit(3L).build(), on);
        assertThat(events.getData()).hasSize(3);
        assertThat(events.getHasMore()).isTrue();
        assertThat(events.getData().getFirst().getType()).isEqualTo("customer.subscription.deleted");
        StripeCollection<Event> next = stripe.v1()
                .events()
                .list(
                        EventListParams.builder()
                                .setLimit(3L)
                                .setStartingAfter(events.getData().getLast().getId())
                                .build(),
                        on);
        assertThat(next.getData()).doesNotContainAnyElementsOf(events.getData());
    }

    @Test
    void errorsHaveStripesShape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(sandbox.url() + "/v1/checkout/sessions"))
                                .header("Authorization", "Bearer sk_test_x")
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("mode=payment"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"type\":\"invalid_request_error\"", "\"param\":\"success_url\"");
    }
}
