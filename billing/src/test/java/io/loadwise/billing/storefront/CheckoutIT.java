package io.loadwise.billing.storefront;

import static io.loadwise.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loadwise.billing.CheckoutMetadata;
import io.loadwise.billing.checkout.CheckoutOutcome;
import io.loadwise.billing.checkout.CheckoutService;
import io.loadwise.billing.checkout.CheckoutStarted;
import io.loadwise.billing.checkout.CheckoutUnavailableException;
import io.loadwise.billing.checkout.OfferNotForSaleException;
import io.loadwise.billing.checkout.UnknownPromotionCodeException;
import io.loadwise.billing.connect.NotSellingException;
import io.loadwise.catalog.OfferKind;
import io.loadwise.identity.Role;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.ActingAs;
import io.loadwise.testsupport.TestTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Starting a checkout against Stripe over HTTP (its Checkout Session endpoint stubbed with Stripe's
 * JSON): the session is opened on the business's connected account with the platform fee, trial,
 * promotion code and our metadata; refusals create nothing; the pending order waits for the webhook.
 */
class CheckoutIT extends StorefrontTestBase {

    @Autowired
    CheckoutService checkout;

    @LocalServerPort
    int port;

    Tenant business;
    String account;
    UUID guide;

    @BeforeEach
    void aBusinessSellingAGuide() {
        account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        business = StorefrontSeeds.business("Stride Coaching", account, true);
        guide = StorefrontSeeds.guide(business, "Tendon Health Guide", 2900, "price_tendon", true);
    }

    @Test
    void a_guest_buys_a_guide_on_the_businesss_account_with_the_platform_fee_and_a_pending_order() {
        StripeCheckoutStub.nextSession("cs_test_guest_" + account);

        CheckoutStarted started = checkout.start(business.slug(), guide, null);

        assertThat(started.checkoutSessionId()).isEqualTo("cs_test_guest_" + account);
        assertThat(started.checkoutUrl()).hasToString("https://checkout.stripe.com/c/pay/cs_test_guest_" + account);
        LoggedRequest request = onlySessionRequest();
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("checkout:" + started.orderId());
        Map<String, String> form = StripeCheckoutStub.form(request);
        assertThat(form)
                .containsEntry("mode", "payment")
                .containsEntry("line_items[0][price]", "price_tendon")
                .containsEntry("line_items[0][quantity]", "1")
                // 2.5 % of 29.00 = 0.72, plus 0.30 fixed
                .containsEntry("payment_intent_data[application_fee_amount]", "102")
                // codes for one-time purchases only through our storefront: the fee is fixed here
                .doesNotContainKey("allow_promotion_codes")
                .containsEntry(
                        "metadata[" + CheckoutMetadata.TENANT + "]",
                        business.id().toString())
                .containsEntry("metadata[" + CheckoutMetadata.OFFER + "]", guide.toString())
                .containsEntry(
                        "metadata[" + CheckoutMetadata.ORDER + "]",
                        started.orderId().toString())
                .containsEntry(
                        "payment_intent_data[metadata][" + CheckoutMetadata.ORDER + "]",
                        started.orderId().toString())
                .containsEntry(
                        "success_url",
                        PUBLIC_URL + "/t/" + business.slug() + "/thanks?session_id={CHECKOUT_SESSION_ID}")
                .containsEntry("cancel_url", PUBLIC_URL + "/t/" + business.slug())
                .doesNotContainKey("customer_email")
                .doesNotContainKey("metadata[" + CheckoutMetadata.CLIENT + "]")
                .doesNotContainKey("subscription_data[application_fee_percent]");

        OrdersRecord order = order(started.orderId());
        assertThat(order.getStatus()).isEqualTo("pending");
        assertThat(order.getStripeCheckoutSessionId()).isEqualTo(started.checkoutSessionId());
        assertThat(order.getKind()).isEqualTo("guide");
        assertThat(order.getOfferId()).isEqualTo(guide);
        assertThat(order.getAmountSubtotalMinor()).isEqualTo(2900);
        assertThat(order.getCurrency()).isEqualTo("USD");
        assertThat(order.getClientId()).isNull();

        CheckoutOutcome outcome = checkout.outcome(business.slug(), started.checkoutSessionId());
        assertThat(outcome.state()).isEqualTo(CheckoutOutcome.State.WAITING);
        assertThat(outcome.orderId()).isEqualTo(started.orderId());
        assertThat(outcome.offerTitle()).isEqualTo("Tendon Health Guide");
        assertThat(outcome.kind()).isEqualTo(OfferKind.GUIDE);
        assertThat(outcome.downloadUrl()).isNull();
        assertThat(outcome.buyerEmail()).isNull();
        assertThat(outcome.guest()).isTrue();
    }

    @Test
    void a_known_promotion_code_is_applied_and_the_fee_is_taken_on_the_discounted_price() {
        StorefrontSeeds.percentOffCode(business, "LAUNCH20", 20, "promo_launch20", true);
        StripeCheckoutStub.nextSession("cs_test_promo_" + account);

        checkout.start(business.slug(), guide, " launch20 ");

        Map<String, String> form = StripeCheckoutStub.form(onlySessionRequest());
        assertThat(form)
                .containsEntry("discounts[0][promotion_code]", "promo_launch20")
                // 23.20 after 20 % off: 2.5 % = 0.58, plus 0.30
                .containsEntry("payment_intent_data[application_fee_amount]", "88")
                .doesNotContainKey("allow_promotion_codes");
    }

    @Test
    void a_coaching_subscription_carries_the_fee_percentage_the_trial_and_our_metadata() {
        UUID coaching = StorefrontSeeds.coaching(business, "1:1 Coaching", 14900, "price_coaching", 14);
        StripeCheckoutStub.nextSession("cs_test_coaching_" + account);

        CheckoutStarted started = checkout.start(business.slug(), coaching, null);

        Map<String, String> form = StripeCheckoutStub.form(onlySessionRequest());
        assertThat(form)
                .containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price]", "price_coaching")
                .containsEntry("subscription_data[application_fee_percent]", "2.50")
                .containsEntry("subscription_data[trial_period_days]", "14")
                .containsEntry(
                        "subscription_data[metadata][" + CheckoutMetadata.ORDER + "]",
                        started.orderId().toString())
                .containsEntry(
                        "subscription_data[metadata][" + CheckoutMetadata.TENANT + "]",
                        business.id().toString())
                .doesNotContainKey("payment_intent_data[application_fee_amount]");
        assertThat(order(started.orderId()).getKind()).isEqualTo("coaching");
    }

    @Test
    void a_signed_in_client_buys_as_herself() {
        UUID user = UUID.randomUUID();
        UUID client = StorefrontSeeds.client(business, user, "Jess Doe", "jess-" + account + "@example.com");
        StripeCheckoutStub.nextSession("cs_test_client_" + account);

        CheckoutStarted started =
                ActingAs.call(user, business.id(), Role.CLIENT, () -> checkout.start(business.slug(), guide, null));

        Map<String, String> form = StripeCheckoutStub.form(onlySessionRequest());
        assertThat(form)
                .containsEntry("customer_email", "jess-" + account + "@example.com")
                .containsEntry("metadata[" + CheckoutMetadata.CLIENT + "]", client.toString())
                .containsEntry("payment_intent_data[metadata][" + CheckoutMetadata.CLIENT + "]", client.toString());
        OrdersRecord order = order(started.orderId());
        assertThat(order.getClientId()).isEqualTo(client);
        assertThat(order.getBuyerEmail()).isEqualTo("jess-" + account + "@example.com");

        CheckoutOutcome outcome = ActingAs.call(
                user, business.id(), Role.CLIENT, () -> checkout.outcome(business.slug(), started.checkoutSessionId()));
        assertThat(outcome.guest()).isFalse();
        assertThat(outcome.buyerEmail()).isEqualTo("jess-" + account + "@example.com");
    }

    @Test
    void a_client_of_another_business_buys_as_a_guest() {
        Tenant other = StorefrontSeeds.business("Other Coaching", account + "x", true);
        UUID user = UUID.randomUUID();
        StorefrontSeeds.client(other, user, "Jess Doe", "jess-" + account + "@example.com");
        StripeCheckoutStub.nextSession("cs_test_elsewhere_" + account);

        CheckoutStarted started =
                ActingAs.call(user, other.id(), Role.CLIENT, () -> checkout.start(business.slug(), guide, null));

        assertThat(StripeCheckoutStub.form(onlySessionRequest()))
                .doesNotContainKey("customer_email")
                .doesNotContainKey("metadata[" + CheckoutMetadata.CLIENT + "]");
        assertThat(order(started.orderId()).getClientId()).isNull();
    }

    @Test
    void a_business_that_cannot_take_payments_yet_is_refused_and_nothing_is_created() {
        String pendingAccount = account + "p";
        Tenant onboarding = StorefrontSeeds.business("Still Onboarding", pendingAccount, false);
        UUID itsGuide = StorefrontSeeds.guide(onboarding, "Hamstring Guide", 1900, "price_hamstring", true);
        int before = StripeCheckoutStub.requestCount();

        assertThatThrownBy(() -> checkout.start(onboarding.slug(), itsGuide, null))
                .isInstanceOf(NotSellingException.class)
                .hasMessageContaining("Still Onboarding cannot take payments yet");

        assertThat(StripeCheckoutStub.requestCount()).isEqualTo(before);
        assertThat(orderCount(onboarding)).isZero();
    }

    @Test
    void archived_unsynced_and_pdf_less_offers_are_refused_and_nothing_is_created() {
        UUID archived = StorefrontSeeds.guide(business, "Old Guide", 900, "price_old", true);
        StorefrontSeeds.archive(business, archived);
        UUID unsynced = StorefrontSeeds.guide(business, "New Guide", 900, null, true);
        UUID withoutPdf = StorefrontSeeds.guide(business, "Draft Guide", 900, "price_draft", false);
        int before = StripeCheckoutStub.requestCount();

        assertThatThrownBy(() -> checkout.start(business.slug(), archived, null))
                .isInstanceOf(OfferNotForSaleException.class)
                .hasMessage("Old Guide is no longer sold.");
        assertThatThrownBy(() -> checkout.start(business.slug(), unsynced, null))
                .isInstanceOf(OfferNotForSaleException.class)
                .hasMessageContaining("New Guide cannot be bought yet");
        assertThatThrownBy(() -> checkout.start(business.slug(), withoutPdf, null))
                .isInstanceOf(OfferNotForSaleException.class)
                .hasMessageContaining("PDF has not been uploaded");
        assertThatThrownBy(() -> checkout.start(business.slug(), UUID.randomUUID(), null))
                .isInstanceOf(NotFoundException.class);

        assertThat(StripeCheckoutStub.requestCount()).isEqualTo(before);
        assertThat(orderCount(business)).isZero();
    }

    @Test
    void an_unknown_or_inactive_promotion_code_is_refused_before_stripe_is_asked() {
        StorefrontSeeds.percentOffCode(business, "SUMMER", 10, "promo_summer", false);
        int before = StripeCheckoutStub.requestCount();

        assertThatThrownBy(() -> checkout.start(business.slug(), guide, "NOPE"))
                .isInstanceOf(UnknownPromotionCodeException.class)
                .hasMessageContaining("NOPE is not valid");
        assertThatThrownBy(() -> checkout.start(business.slug(), guide, "summer"))
                .isInstanceOf(UnknownPromotionCodeException.class);

        assertThat(StripeCheckoutStub.requestCount()).isEqualTo(before);
        assertThat(orderCount(business)).isZero();
    }

    @Test
    void when_stripe_refuses_the_session_the_buyer_hears_so_and_no_order_is_left_behind() {
        StripeCheckoutStub.refuseSessions();

        assertThatThrownBy(() -> checkout.start(business.slug(), guide, null))
                .isInstanceOf(CheckoutUnavailableException.class)
                .hasMessageContaining("Nothing was charged");

        assertThat(orderCount(business)).isZero();
    }

    @Test
    void an_unknown_session_or_one_of_another_storefront_is_not_found() {
        StripeCheckoutStub.nextSession("cs_test_mine_" + account);
        CheckoutStarted started = checkout.start(business.slug(), guide, null);
        Tenant other = StorefrontSeeds.business("Other Coaching", account + "o", true);

        assertThatThrownBy(() -> checkout.outcome(business.slug(), "cs_test_unknown"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> checkout.outcome(other.slug(), started.checkoutSessionId()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> checkout.start("no-such-storefront", guide, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_success_page_sees_each_order_state_the_webhooks_leave_and_waits_until_access_is_granted() {
        UUID coaching = StorefrontSeeds.coaching(business, "1:1 Coaching", 14900, "price_coaching", null);
        StorefrontSeeds.order(business, guide, "guide", "failed", "cs_failed_" + account, null);
        StorefrontSeeds.order(business, guide, "guide", "expired", "cs_expired_" + account, null);
        StorefrontSeeds.order(business, guide, "guide", "review", "cs_review_" + account, null);
        StorefrontSeeds.order(business, guide, "guide", "paid", "cs_paid_" + account, null);
        StorefrontSeeds.order(business, coaching, "coaching", "paid", "cs_coaching_" + account, "sub_" + account);
        UUID client =
                StorefrontSeeds.client(business, UUID.randomUUID(), "Jess Doe", "jess-" + account + "@example.com");

        assertThat(stateOf("cs_failed_")).isEqualTo(CheckoutOutcome.State.FAILED);
        assertThat(stateOf("cs_expired_")).isEqualTo(CheckoutOutcome.State.EXPIRED);
        assertThat(stateOf("cs_review_")).isEqualTo(CheckoutOutcome.State.REVIEW);
        // Paid, but the entitlement is not granted yet: still waiting for the webhook's work.
        assertThat(stateOf("cs_paid_")).isEqualTo(CheckoutOutcome.State.WAITING);
        assertThat(stateOf("cs_coaching_")).isEqualTo(CheckoutOutcome.State.WAITING);

        StorefrontSeeds.activeSubscription(business, coaching, client, "sub_" + account);
        CheckoutOutcome coached = checkout.outcome(business.slug(), "cs_coaching_" + account);
        assertThat(coached.state()).isEqualTo(CheckoutOutcome.State.FULFILLED);
        assertThat(coached.kind()).isEqualTo(OfferKind.COACHING);
        assertThat(coached.downloadUrl()).isNull();
    }

    private CheckoutOutcome.State stateOf(String sessionPrefix) {
        return checkout.outcome(business.slug(), sessionPrefix + account).state();
    }

    @Test
    void anonymous_visitors_use_the_rest_api_and_refusals_come_as_problem_details() throws Exception {
        StripeCheckoutStub.nextSession("cs_test_rest_" + account);
        String base = "http://localhost:" + port + "/api/v1/storefronts/" + business.slug() + "/checkout";

        HttpResponse<String> started = post(base, "{\"offerId\":\"" + guide + "\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(started.body())
                .contains("\"checkoutUrl\":\"https://checkout.stripe.com/c/pay/cs_test_rest_" + account + "\"")
                .contains("\"orderId\":\"");
        assertThat(started.headers().firstValue("Location"))
                .hasValue("/api/v1/storefronts/" + business.slug() + "/checkout/cs_test_rest_" + account);

        HttpResponse<String> outcome = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/cs_test_rest_" + account))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(outcome.body()).contains("\"state\":\"WAITING\"").contains("\"guest\":true");

        HttpResponse<String> badCode = post(base, "{\"offerId\":\"" + guide + "\",\"promotionCode\":\"NOPE\"}");
        assertThat(badCode.statusCode()).isEqualTo(422);
        assertThat(badCode.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(badCode.body()).contains("The promotion code NOPE is not valid");

        HttpResponse<String> noOffer = post(base, "{}");
        assertThat(noOffer.statusCode()).isEqualTo(400);

        HttpResponse<String> unknown = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/cs_test_nope"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void the_rest_of_the_storefront_api_stays_closed_to_anonymous_callers() throws Exception {
        HttpResponse<String> other = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/storefronts/"
                                        + business.slug() + "/orders"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private LoggedRequest onlySessionRequest() {
        List<LoggedRequest> requests = StripeCheckoutStub.sessionRequestsOn(account);
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    private OrdersRecord order(UUID id) {
        AtomicReference<OrdersRecord> found = new AtomicReference<>();
        TestTenants.seed(business.id(), db -> found.set(db.fetchSingle(ORDERS, ORDERS.ID.eq(id))));
        return found.get();
    }

    private static int orderCount(Tenant tenant) {
        AtomicReference<Integer> count = new AtomicReference<>();
        TestTenants.seed(tenant.id(), db -> count.set(db.fetchCount(ORDERS)));
        return count.get();
    }
}
