package io.loadwise.billing.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A local Stripe for tests and the local run: a WireMock server whose Java extension keeps Stripe
 * objects in memory and answers stripe-java like Stripe does (form-encoded requests, Stripe's JSON
 * shapes and errors, {@code Stripe-Account}, {@code Idempotency-Key}, lists and {@code expand[]}),
 * serves the pages a person would see on Stripe (checkout, Connect onboarding, customer portal, a
 * dashboard at {@code /}) and delivers signed webhooks to the endpoints the app registers, retrying
 * those the app does not acknowledge ({@link WebhookRetries}).
 *
 * <p>The drivers ({@link #payCheckout}, {@link #renew}, ...) do what a buyer, a bank or a business
 * does on those pages, with the same effects and events. Test mode only: no real money.
 */
public final class StripeSandbox implements AutoCloseable {

    private static final String EXTENSION = "loadwise-stripe-sandbox";
    private static volatile StripeSandbox shared;

    private final WireMockServer server;
    private final String webhookSecret;
    private final SandboxStore store;
    private final WebhookDelivery delivery;

    private StripeSandbox(int port, WebhookRetries retries) {
        this.webhookSecret = SandboxStore.id("whsec_", 32);
        this.delivery = new WebhookDelivery(webhookSecret, retries);
        Router router = new Router();
        this.server = new WireMockServer(options()
                .port(port)
                .bindAddress("127.0.0.1")
                .disableRequestJournal()
                .containerThreads(24)
                .notifier(new Slf4jNotifier(false))
                .extensions(router));
        server.start();
        this.store = new SandboxStore("http://localhost:" + server.port(), delivery::accept);
        router.api = new StripeApi(store, delivery, webhookSecret);
        router.pages = new SandboxPages(store);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    /** The one sandbox of this JVM, on a free port, started on first use. */
    public static StripeSandbox shared() {
        StripeSandbox sandbox = shared;
        if (sandbox == null) {
            synchronized (StripeSandbox.class) {
                sandbox = shared;
                if (sandbox == null) {
                    sandbox = new StripeSandbox(0, WebhookRetries.DEFAULT);
                    shared = sandbox;
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "stripe-sandbox-stop"));
                }
            }
        }
        return sandbox;
    }

    /** A sandbox on {@code port} (the local run); 0 picks a free one. */
    public static StripeSandbox start(int port) {
        return start(port, WebhookRetries.DEFAULT);
    }

    /** As {@link #start(int)}, retrying unacknowledged webhooks as {@code retries} says. */
    public static StripeSandbox start(int port, WebhookRetries retries) {
        return new StripeSandbox(port, retries);
    }

    /** Where stripe-java and browsers reach the sandbox, e.g. {@code http://localhost:12111}. */
    public String url() {
        return "http://localhost:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /** The signing secret of every webhook endpoint registered here (returned as its {@code secret}). */
    public String webhookSecret() {
        return webhookSecret;
    }

    @Override
    public void close() {
        delivery.close();
        server.stop();
    }

    // ---- drivers: what a person does on the sandbox's pages ------------------------------------

    /** The buyer pays by card on the checkout page; the webhooks Stripe sends follow. */
    public void payCheckout(String sessionId, String email, String name) {
        store.payCheckout(store.scopeOf(sessionId), sessionId, email, name, null, SandboxStore.PaymentOutcome.PAID);
    }

    /** As {@link #payCheckout(String, String, String)}, entering a promotion code on the page. */
    public void payCheckout(String sessionId, String email, String name, String promotionCode) {
        store.payCheckout(
                store.scopeOf(sessionId), sessionId, email, name, promotionCode, SandboxStore.PaymentOutcome.PAID);
    }

    /** The buyer pays with a delayed method (bank debit): the session completes unpaid. */
    public void payCheckoutDelayed(String sessionId, String email, String name) {
        store.payCheckout(store.scopeOf(sessionId), sessionId, email, name, null, SandboxStore.PaymentOutcome.DELAYED);
    }

    /** The delayed payment arrives: {@code checkout.session.async_payment_succeeded}. */
    public void succeedAsyncPayment(String sessionId) {
        store.settleAsyncPayment(store.scopeOf(sessionId), sessionId, true);
    }

    /** The delayed payment is refused: {@code checkout.session.async_payment_failed}. */
    public void failAsyncPayment(String sessionId) {
        store.settleAsyncPayment(store.scopeOf(sessionId), sessionId, false);
    }

    /** The card is declined: the session stays open ({@code payment_intent.payment_failed}). */
    public void declineCheckout(String sessionId) {
        store.declineCheckout(store.scopeOf(sessionId), sessionId, null);
    }

    /** The session runs out: {@code checkout.session.expired}. */
    public void expireCheckout(String sessionId) {
        store.expireCheckout(store.scopeOf(sessionId), sessionId);
    }

    /** Where the checkout page sends the buyer after paying (success_url with the session id). */
    public String successUrl(String sessionId) {
        return SandboxPages.successUrl(store.get(store.scopeOf(sessionId), "checkout.session", sessionId));
    }

    /** The business finishes Connect onboarding: charges and payouts enabled, {@code account.updated}. */
    public void completeOnboarding(String accountId) {
        store.completeOnboarding(accountId);
    }

    /** The next period is charged now: invoice paid, subscription active, period moved on. */
    public void renew(String subscriptionId) {
        store.renew(store.scopeOf(subscriptionId), subscriptionId);
    }

    /** The next renewal fails: {@code invoice.payment_failed}, subscription {@code past_due}. */
    public void failRenewal(String subscriptionId) {
        store.failRenewal(store.scopeOf(subscriptionId), subscriptionId);
    }

    /** The subscriber cancels now in the portal: {@code customer.subscription.deleted}. */
    public void cancel(String subscriptionId) {
        store.cancelNow(store.scopeOf(subscriptionId), subscriptionId);
    }

    /** The subscriber cancels at period end in the portal: {@code customer.subscription.updated}. */
    public void cancelAtPeriodEnd(String subscriptionId) {
        store.cancelAtPeriodEnd(store.scopeOf(subscriptionId), subscriptionId, true);
    }

    /** The buyer's bank disputes a charge: {@code charge.dispute.created}. @return the dispute id */
    public String openDispute(String accountId, String chargeId) {
        return store.openDispute(accountId, chargeId).get("id").getAsString();
    }

    /** The dispute is decided: {@code charge.dispute.closed} with status won or lost. */
    public void closeDispute(String accountId, String disputeId, boolean won) {
        store.closeDispute(accountId, disputeId, won);
    }

    public void closeDispute(String disputeId, boolean won) {
        store.closeDispute(store.scopeOf(disputeId), disputeId, won);
    }

    // ---- looking inside ------------------------------------------------------------------------

    /** A stored object as Stripe would return it (e.g. to find a checkout's charge). */
    public JsonObject object(String id) {
        return SandboxStore.publicView(store.find(store.scopeOf(id), id));
    }

    /** Webhooks posted so far (every attempt, with the endpoint's answer), oldest first. */
    public List<DeliveredEvent> deliveredEvents() {
        return delivery.delivered();
    }

    /** Every event created so far (delivered or not, e.g. when no endpoint was registered). */
    public List<JsonObject> events() {
        return delivery.created();
    }

    /** Waits until a matching webhook has been posted (and answered). */
    public DeliveredEvent awaitDelivered(Predicate<DeliveredEvent> wanted, Duration timeout) {
        return delivery.await(wanted, timeout);
    }

    /** Waits until a webhook of {@code type} about {@code objectId} has been acknowledged by the app. */
    public DeliveredEvent awaitDelivered(String type, String objectId) {
        return delivery.await(
                e -> e.type().equals(type) && objectId.equals(e.objectId()) && e.acknowledged(),
                Duration.ofSeconds(20));
    }

    /** Waits until every webhook created so far has been posted, retries included. */
    public void awaitDeliveries() {
        delivery.flush(Duration.ofSeconds(30));
    }

    /** Routes API calls to {@link StripeApi} and everything else to {@link SandboxPages}. */
    private static final class Router implements ResponseDefinitionTransformerV2 {
        volatile StripeApi api;
        volatile SandboxPages pages;

        @Override
        public String getName() {
            return EXTENSION;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            Request request = serveEvent.getRequest();
            URI uri = URI.create(request.getUrl());
            String path = uri.getRawPath();
            String query = uri.getRawQuery();
            String method = request.getMethod().getName();
            String body = request.getBodyAsString();
            SandboxResponse response = path.startsWith("/v1/")
                    ? api.handle(new StripeApi.ApiRequest(
                            method,
                            path,
                            query,
                            body,
                            request.getHeader("Stripe-Account"),
                            request.getHeader("Idempotency-Key")))
                    : pages.handle(method, path, query, body);
            ResponseDefinitionBuilder builder = new ResponseDefinitionBuilder()
                    .withStatus(response.status())
                    .withHeader("Content-Type", response.contentType())
                    .withBody(response.body());
            response.headers().forEach(builder::withHeader);
            return builder.build();
        }
    }
}
