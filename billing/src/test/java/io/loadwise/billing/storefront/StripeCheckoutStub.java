package io.loadwise.billing.storefront;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stripe's Checkout Session endpoint for checkout tests, answered with Stripe's own JSON shape
 * (fixtures3.json) behind the real stripe-java client, recording what was asked. One per test JVM.
 */
final class StripeCheckoutStub {

    private static final WireMockServer SERVER = start();

    private StripeCheckoutStub() {}

    static String url() {
        return SERVER.baseUrl();
    }

    /** The next Checkout Session Stripe creates gets this id. */
    static void nextSession(String sessionId) {
        JsonObject session = fixture("checkout.session");
        session.addProperty("id", sessionId);
        session.addProperty("url", "https://checkout.stripe.com/c/pay/" + sessionId);
        SERVER.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Request-Id", "req_" + sessionId)
                        .withBody(session.toString())));
    }

    /** Stripe answers the next session request with an error (as when the price was deleted). */
    static void refuseSessions() {
        SERVER.stubFor(post(urlEqualTo("/v1/checkout/sessions"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"resource_missing\","
                                + "\"message\":\"No such price\",\"param\":\"line_items[0][price]\"}}")));
    }

    /** The Checkout Session requests made on a connected account. */
    static List<LoggedRequest> sessionRequestsOn(String stripeAccountId) {
        return SERVER.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))).stream()
                .filter(request -> stripeAccountId.equals(request.getHeader("Stripe-Account")))
                .toList();
    }

    static int requestCount() {
        return SERVER.findAll(postRequestedFor(anyUrl())).size();
    }

    /** A form-encoded Stripe request body as key → value ({@code line_items[0][price]} → ...). */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    private static JsonObject fixture(String resource) {
        try (Reader reader = new InputStreamReader(
                Objects.requireNonNull(StripeCheckoutStub.class.getResourceAsStream("/stripe/fixtures3.json")),
                StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader)
                    .getAsJsonObject()
                    .getAsJsonObject("resources")
                    .getAsJsonObject(resource)
                    .deepCopy();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
