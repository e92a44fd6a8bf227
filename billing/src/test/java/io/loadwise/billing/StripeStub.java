package io.loadwise.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stripe as the catalog and Connect tests need it: a WireMock server answering stripe-java's calls
 * with Stripe's own object shapes (the fixtures of {@code stripe/fixtures3.json}), new ids for
 * created objects, the request journal to check what was sent, and switches for an enabled account
 * and for Stripe being down. Stateless on purpose: the tests assert what our code sent and stored.
 */
public final class StripeStub {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private static @Nullable StripeStub shared;

    private final WireMockServer server;
    private final JsonObject fixtures;
    private @Nullable StubMapping outage;

    private StripeStub() {
        server = new WireMockServer(
                options().dynamicPort().templatingEnabled(true).globalTemplating(true));
        server.start();
        try (InputStream in = StripeStub.class.getResourceAsStream("/stripe/fixtures3.json")) {
            fixtures = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject()
                    .getAsJsonObject("resources");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        defaults();
    }

    public static synchronized StripeStub shared() {
        if (shared == null) {
            shared = new StripeStub();
        }
        return shared;
    }

    public String url() {
        return server.baseUrl();
    }

    private void defaults() {
        created("/v1/accounts", "account", "acct_", Map.of("charges_enabled", false, "details_submitted", false));
        server.stubFor(get(urlPathMatching("/v1/accounts/[^/]+"))
                .atPriority(10)
                .willReturn(json(body("account", "{{request.pathSegments.[2]}}", Map.of("charges_enabled", false)))));
        server.stubFor(post(urlEqualTo("/v1/account_links"))
                .willReturn(json(body(
                        "account_link",
                        null,
                        Map.of(
                                "url",
                                "https://connect.stripe.test/setup/{{randomValue length=12 type='ALPHANUMERIC'}}")))));
        created("/v1/products", "product", "prod_", Map.of());
        updated("/v1/products/[^/]+", "product");
        created("/v1/prices", "price", "price_", Map.of());
        updated("/v1/prices/[^/]+", "price");
        created("/v1/coupons", "coupon", "coupon_", Map.of());
        created("/v1/promotion_codes", "promotion_code", "promo_", Map.of("active", true));
        updated("/v1/promotion_codes/[^/]+", "promotion_code");
        // What a sandbox-mode application registers at start.
        created("/v1/webhook_endpoints", "webhook_endpoint", "we_", Map.of());
    }

    /** Stripe finished (or not) onboarding of this account: what GET /v1/accounts/{id} answers now. */
    public void accountState(String accountId, boolean chargesEnabled, List<String> currentlyDue) {
        JsonObject account = fixture("account");
        account.addProperty("id", accountId);
        account.addProperty("charges_enabled", chargesEnabled);
        account.addProperty("payouts_enabled", chargesEnabled);
        account.addProperty("details_submitted", chargesEnabled);
        JsonObject requirements = account.getAsJsonObject("requirements");
        JsonArray due = new JsonArray();
        currentlyDue.forEach(due::add);
        requirements.add("currently_due", due);
        server.stubFor(
                get(urlEqualTo("/v1/accounts/" + accountId)).atPriority(1).willReturn(json(GSON.toJson(account))));
    }

    /** Every call fails as when Stripe has an outage, until {@link #up()}. */
    public void down() {
        outage = server.stubFor(any(urlMatching("/v1/.*"))
                .atPriority(0)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Stripe-Should-Retry", "false")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Stripe is unavailable (test"
                                + " outage)\"}}")));
    }

    public void up() {
        if (outage != null) {
            server.removeStub(outage);
            outage = null;
        }
    }

    /** POSTs to a path (regex), oldest first. */
    public List<LoggedRequest> posts(String pathRegex) {
        return server.findAll(postRequestedFor(urlPathMatching(pathRegex)));
    }

    /** The form parameters of a request, decoded. */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        if (body == null || body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private void created(String path, String fixture, String idPrefix, Map<String, Object> overrides) {
        server.stubFor(post(urlEqualTo(path))
                .atPriority(10)
                .willReturn(
                        json(body(fixture, idPrefix + "{{randomValue length=14 type='ALPHANUMERIC'}}", overrides))));
    }

    private void updated(String pathRegex, String fixture) {
        server.stubFor(post(urlPathMatching(pathRegex))
                .atPriority(10)
                .willReturn(json(body(fixture, "{{request.pathSegments.[2]}}", Map.of()))));
    }

    private String body(String fixture, @Nullable String id, Map<String, Object> overrides) {
        JsonObject object = fixture(fixture);
        if (id != null) {
            object.addProperty("id", id);
        }
        overrides.forEach((key, value) -> {
            if (value instanceof Boolean b) {
                object.addProperty(key, b);
            } else {
                object.addProperty(key, value.toString());
            }
        });
        return GSON.toJson(object);
    }

    private JsonObject fixture(String name) {
        return fixtures.getAsJsonObject(name).deepCopy();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_stub")
                .withBody(body);
    }
}
