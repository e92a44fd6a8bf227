package io.loadwise.billing.sandbox;

import static io.loadwise.billing.sandbox.SandboxStore.PLATFORM;
import static io.loadwise.billing.sandbox.SandboxStore.id;
import static io.loadwise.billing.sandbox.SandboxStore.now;
import static io.loadwise.billing.sandbox.SandboxStore.publicView;
import static io.loadwise.billing.sandbox.SandboxStore.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Stripe's REST API ({@code /v1/...}) over the sandbox's store: form-encoded requests in, Stripe's
 * JSON shapes and errors out, the {@code Stripe-Account} header scoping objects to a connected
 * account and {@code Idempotency-Key} replaying the first answer.
 */
final class StripeApi {

    private final SandboxStore store;
    private final WebhookDelivery delivery;
    private final String webhookSecret;
    private final Map<String, SandboxResponse> idempotentAnswers = new ConcurrentHashMap<>();

    StripeApi(SandboxStore store, WebhookDelivery delivery, String webhookSecret) {
        this.store = store;
        this.delivery = delivery;
        this.webhookSecret = webhookSecret;
    }

    record ApiRequest(
            String method, String path, String query, String body, String stripeAccount, String idempotencyKey) {}

    SandboxResponse handle(ApiRequest request) {
        String scope =
                request.stripeAccount() == null || request.stripeAccount().isBlank()
                        ? PLATFORM
                        : request.stripeAccount().trim();
        if (request.idempotencyKey() != null && "POST".equals(request.method())) {
            String key = scope + "|" + request.idempotencyKey();
            SandboxResponse first = idempotentAnswers.get(key);
            if (first != null) {
                return first.withHeader("Idempotent-Replayed", "true");
            }
            SandboxResponse answer = answer(request, scope);
            SandboxResponse raced = idempotentAnswers.putIfAbsent(key, answer);
            return raced == null ? answer : raced.withHeader("Idempotent-Replayed", "true");
        }
        return answer(request, scope);
    }

    private SandboxResponse answer(ApiRequest request, String scope) {
        SandboxResponse response;
        try {
            if (!PLATFORM.equals(scope) && store.find(PLATFORM, scope) == null) {
                throw new StripeError(
                        403,
                        "invalid_request_error",
                        "account_invalid",
                        "The provided key does not have access to account '" + scope
                                + "' (or that account does not exist).",
                        null);
            }
            StripeForm form = StripeForm.parse(
                    "GET".equals(request.method()) || "DELETE".equals(request.method())
                            ? request.query()
                            : request.body());
            JsonObject result = route(request.method(), request.path(), form, scope);
            response = SandboxResponse.json(200, result.toString());
        } catch (StripeError error) {
            response = SandboxResponse.json(error.status, error.json());
        } catch (IllegalStateException | IllegalArgumentException e) {
            response = SandboxResponse.json(
                    400, StripeError.invalid(e.getMessage(), null).json());
        }
        return response.withHeader("Request-Id", id("req_", 14))
                .withHeader("Stripe-Version", com.stripe.Stripe.API_VERSION);
    }

    private JsonObject route(String method, String path, StripeForm form, String scope) {
        List<String> p = List.of(path.substring("/v1/".length()).split("/"));
        String resource = p.get(0);
        if (List.of("checkout", "billing_portal").contains(resource) && p.size() > 1) {
            resource = p.get(0) + "/" + p.get(1);
            p = new ArrayList<>(p.subList(1, p.size()));
            ((ArrayList<String>) p).set(0, resource);
        }
        String id = p.size() > 1 ? p.get(1) : null;
        String action = p.size() > 2 ? p.get(2) : null;
        String key = method + " " + resource + (id == null ? "" : " {id}") + (action == null ? "" : " " + action);
        JsonObject result =
                switch (key) {
                    case "POST accounts" -> createAccount(form);
                    case "GET accounts" -> list(form, PLATFORM, "account", "/v1/accounts", a -> true);
                    case "GET accounts {id}" -> store.get(PLATFORM, "account", id);
                    case "POST accounts {id}" -> updateAccount(id, form);
                    case "GET account" -> store.get(PLATFORM, "account", requireAccountScope(scope));
                    case "POST account_links" -> createAccountLink(form);
                    case "GET application_fees" ->
                        list(form, PLATFORM, "application_fee", "/v1/application_fees", matches(form, "charge"));
                    case "GET application_fees {id}" -> store.get(PLATFORM, "application_fee", id);
                    case "POST products" -> createProduct(scope, form);
                    case "GET products" -> list(form, scope, "product", "/v1/products", matches(form, "active"));
                    case "GET products {id}" -> store.get(scope, "product", id);
                    case "POST products {id}" ->
                        update(
                                store.get(scope, "product", id),
                                form,
                                "name",
                                "description",
                                "active",
                                "default_price",
                                "images",
                                "url",
                                "statement_descriptor");
                    case "POST prices" -> createPrice(scope, form);
                    case "GET prices" ->
                        list(
                                form,
                                scope,
                                "price",
                                "/v1/prices",
                                matches(form, "active").and(matches(form, "product")));
                    case "GET prices {id}" -> store.get(scope, "price", id);
                    case "POST prices {id}" ->
                        update(store.get(scope, "price", id), form, "active", "nickname", "lookup_key");
                    case "POST coupons" -> createCoupon(scope, form);
                    case "GET coupons" -> list(form, scope, "coupon", "/v1/coupons", c -> true);
                    case "GET coupons {id}" -> store.get(scope, "coupon", id);
                    case "POST coupons {id}" -> update(store.get(scope, "coupon", id), form, "name");
                    case "DELETE coupons {id}" -> deleteCoupon(scope, id);
                    case "POST promotion_codes" -> createPromotionCode(scope, form);
                    case "GET promotion_codes" ->
                        list(
                                form,
                                scope,
                                "promotion_code",
                                "/v1/promotion_codes",
                                matches(form, "active").and(matches(form, "code")));
                    case "GET promotion_codes {id}" -> store.get(scope, "promotion_code", id);
                    case "POST promotion_codes {id}" -> update(store.get(scope, "promotion_code", id), form, "active");
                    case "POST checkout/sessions" -> createCheckoutSession(scope, form);
                    case "GET checkout/sessions" ->
                        list(
                                form,
                                scope,
                                "checkout.session",
                                "/v1/checkout/sessions",
                                matches(form, "status")
                                        .and(matches(form, "payment_intent"))
                                        .and(matches(form, "subscription"))
                                        .and(matches(form, "customer")));
                    case "GET checkout/sessions {id}" -> store.get(scope, "checkout.session", id);
                    case "GET checkout/sessions {id} line_items" -> {
                        store.get(scope, "checkout.session", id);
                        yield page(form, store.lineItems(id), "/v1/checkout/sessions/" + id + "/line_items");
                    }
                    case "POST checkout/sessions {id} expire" -> store.expireCheckout(scope, id);
                    case "POST checkout/sessions {id}" -> update(store.get(scope, "checkout.session", id), form);
                    case "GET payment_intents" ->
                        list(form, scope, "payment_intent", "/v1/payment_intents", matches(form, "customer"));
                    case "GET payment_intents {id}" -> store.get(scope, "payment_intent", id);
                    case "POST payment_intents {id}" ->
                        update(store.get(scope, "payment_intent", id), form, "description", "receipt_email");
                    case "GET charges" ->
                        list(
                                form,
                                scope,
                                "charge",
                                "/v1/charges",
                                matches(form, "payment_intent").and(matches(form, "customer")));
                    case "GET charges {id}" -> store.get(scope, "charge", id);
                    case "POST charges {id}" -> update(store.get(scope, "charge", id), form, "description");
                    case "POST refunds" -> createRefund(scope, form);
                    case "GET refunds" ->
                        list(
                                form,
                                scope,
                                "refund",
                                "/v1/refunds",
                                matches(form, "charge").and(matches(form, "payment_intent")));
                    case "GET refunds {id}" -> store.get(scope, "refund", id);
                    case "POST refunds {id}" -> update(store.get(scope, "refund", id), form);
                    case "POST customers" -> store.createCustomer(scope, form.string("email"), form.string("name"));
                    case "GET customers" -> list(form, scope, "customer", "/v1/customers", matches(form, "email"));
                    case "GET customers {id}" -> store.get(scope, "customer", id);
                    case "POST customers {id}" ->
                        update(store.get(scope, "customer", id), form, "email", "name", "description", "phone");
                    case "GET subscriptions" ->
                        list(form, scope, "subscription", "/v1/subscriptions", subscriptionFilter(form));
                    case "GET subscriptions {id}" -> store.get(scope, "subscription", id);
                    case "POST subscriptions {id}" -> updateSubscription(scope, id, form);
                    case "DELETE subscriptions {id}" -> store.cancelNow(scope, id);
                    case "GET invoices" ->
                        list(
                                form,
                                scope,
                                "invoice",
                                "/v1/invoices",
                                matches(form, "customer")
                                        .and(matches(form, "subscription"))
                                        .and(matches(form, "status")));
                    case "GET invoices {id}" -> store.get(scope, "invoice", id);
                    case "GET invoice_payments" -> invoicePayments(form, scope);
                    case "GET disputes" ->
                        list(
                                form,
                                scope,
                                "dispute",
                                "/v1/disputes",
                                matches(form, "charge").and(matches(form, "payment_intent")));
                    case "GET disputes {id}" -> store.get(scope, "dispute", id);
                    case "POST disputes {id}" -> updateDispute(scope, id, form);
                    case "POST disputes {id} close" -> store.closeDispute(scope, id, false);
                    case "POST billing_portal/sessions" -> createPortalSession(scope, form);
                    case "POST webhook_endpoints" -> createWebhookEndpoint(form);
                    case "GET webhook_endpoints" ->
                        list(form, PLATFORM, "webhook_endpoint", "/v1/webhook_endpoints", w -> true);
                    case "GET webhook_endpoints {id}" -> store.get(PLATFORM, "webhook_endpoint", id);
                    case "DELETE webhook_endpoints {id}" -> deleteWebhookEndpoint(id);
                    case "GET events" -> list(form, scope, "event", "/v1/events", eventFilter(form));
                    case "GET events {id}" -> store.get(scope, "event", id);
                    default -> throw StripeError.unknownUrl(method, path);
                };
        return expand(scope, publicView(result), form.strings("expand"));
    }

    private static String requireAccountScope(String scope) {
        if (PLATFORM.equals(scope)) {
            throw StripeError.invalid("The sandbox serves GET /v1/account only with a Stripe-Account header.", null);
        }
        return scope;
    }

    // ---- generic reads and writes --------------------------------------------------------------

    /** An equality filter on a top-level field, when the list request names it. */
    private static Predicate<JsonObject> matches(StripeForm form, String field) {
        String wanted = form.string(field);
        if (wanted == null) {
            return o -> true;
        }
        return o -> {
            JsonElement value = o.get(field);
            if (value != null && value.isJsonObject()) {
                value = value.getAsJsonObject().get("id");
            }
            return value != null && !value.isJsonNull() && wanted.equals(value.getAsString());
        };
    }

    private static Predicate<JsonObject> subscriptionFilter(StripeForm form) {
        String status = form.string("status");
        Predicate<JsonObject> byStatus = status == null
                // Stripe lists all but canceled subscriptions unless asked for them.
                ? s -> !"canceled".equals(string(s, "status"))
                : "all".equals(status) ? s -> true : s -> status.equals(string(s, "status"));
        String price = form.string("price");
        Predicate<JsonObject> byPrice = price == null
                ? s -> true
                : s -> s.getAsJsonObject("items").getAsJsonArray("data").asList().stream()
                        .anyMatch(i -> price.equals(string(i.getAsJsonObject().getAsJsonObject("price"), "id")));
        return byStatus.and(byPrice).and(matches(form, "customer"));
    }

    private static Predicate<JsonObject> eventFilter(StripeForm form) {
        List<String> types = new ArrayList<>(form.strings("types"));
        if (form.string("type") != null) {
            types.add(form.string("type"));
        }
        if (types.isEmpty()) {
            return e -> true;
        }
        return e -> types.stream()
                .anyMatch(t -> t.endsWith("*")
                        ? string(e, "type").startsWith(t.substring(0, t.length() - 1))
                        : t.equals(string(e, "type")));
    }

    /** The payments of one invoice; as at Stripe, the list is asked for per invoice. */
    private JsonObject invoicePayments(StripeForm form, String scope) {
        String invoiceId = form.string("invoice");
        if (invoiceId == null) {
            throw StripeError.invalid("The invoice parameter is required.", "invoice");
        }
        JsonObject invoice = store.get(scope, "invoice", invoiceId);
        JsonArray payments = invoice.has("payments") && invoice.get("payments").isJsonObject()
                ? invoice.getAsJsonObject("payments").getAsJsonArray("data")
                : new JsonArray();
        return page(form, payments, "/v1/invoice_payments");
    }

    /** A Stripe list page: newest first, {@code created[...]}, {@code starting_after}, {@code limit}. */
    private JsonObject list(
            StripeForm form, String scope, String objectName, String url, Predicate<JsonObject> filter) {
        Predicate<JsonObject> created = createdFilter(form);
        List<JsonObject> all = store.all(scope, objectName, filter.and(created));
        JsonArray array = new JsonArray();
        all.forEach(array::add);
        return page(form, array, url);
    }

    private static Predicate<JsonObject> createdFilter(StripeForm form) {
        Predicate<JsonObject> filter = o -> true;
        JsonElement created = form.element("created");
        if (created == null) {
            return filter;
        }
        if (created.isJsonPrimitive()) {
            long exact = form.number("created");
            return o -> o.get("created").getAsLong() == exact;
        }
        Long gt = form.number("created.gt");
        Long gte = form.number("created.gte");
        Long lt = form.number("created.lt");
        Long lte = form.number("created.lte");
        return o -> {
            long c = o.get("created").getAsLong();
            return (gt == null || c > gt)
                    && (gte == null || c >= gte)
                    && (lt == null || c < lt)
                    && (lte == null || c <= lte);
        };
    }

    private static JsonObject page(StripeForm form, JsonArray all, String url) {
        long limit = form.number("limit") == null ? 10 : form.number("limit");
        if (limit < 1 || limit > 100) {
            throw StripeError.invalid("Invalid integer: " + limit + ". Must be between 1 and 100.", "limit");
        }
        String startingAfter = form.string("starting_after");
        String endingBefore = form.string("ending_before");
        List<JsonObject> items = new ArrayList<>();
        all.forEach(e -> items.add(e.getAsJsonObject()));
        int from = 0;
        int to = items.size();
        if (startingAfter != null) {
            from = indexOf(items, startingAfter, "starting_after") + 1;
        } else if (endingBefore != null) {
            to = indexOf(items, endingBefore, "ending_before");
            from = (int) Math.max(0, to - limit);
        }
        JsonArray data = new JsonArray();
        int end = (int) Math.min(to, from + limit);
        for (int i = from; i < end; i++) {
            data.add(publicView(items.get(i)));
        }
        boolean hasMore = endingBefore != null && startingAfter == null ? from > 0 : end < to;
        return SandboxStore.list(data, hasMore, url);
    }

    private static int indexOf(List<JsonObject> items, String id, String param) {
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(string(items.get(i), "id"))) {
                return i;
            }
        }
        throw StripeError.invalid("No such object: '" + id + "'", param);
    }

    /** Simple updates: metadata merges, the named fields are replaced (typed like the stored value). */
    private JsonObject update(JsonObject object, StripeForm form, String... fields) {
        synchronized (store) {
            if (form.element("metadata") instanceof JsonObject metadata) {
                JsonObject target = object.get("metadata") instanceof JsonObject m ? m : new JsonObject();
                StripeForm.mergeMetadata(target, metadata);
                object.add("metadata", target);
            }
            for (String field : fields) {
                JsonElement value = form.element(field);
                if (value == null) {
                    continue;
                }
                JsonElement current = object.get(field);
                if (value.isJsonPrimitive() && value.getAsString().isEmpty()) {
                    object.add(field, JsonNull.INSTANCE);
                } else if (current != null
                        && current.isJsonPrimitive()
                        && current.getAsJsonPrimitive().isBoolean()) {
                    object.addProperty(field, Boolean.parseBoolean(value.getAsString()));
                } else if (current != null
                        && current.isJsonPrimitive()
                        && current.getAsJsonPrimitive().isNumber()) {
                    object.addProperty(field, Long.parseLong(value.getAsString()));
                } else {
                    object.add(field, value);
                }
            }
            if (object.has("updated")) {
                object.addProperty("updated", now());
            }
            return object;
        }
    }

    /** {@code expand[]}: ids become the objects they name (dotted paths, {@code data.} in lists). */
    private JsonObject expand(String scope, JsonObject object, List<String> paths) {
        for (String path : paths) {
            expandPath(scope, object, path);
        }
        return object;
    }

    private void expandPath(String scope, JsonObject object, String path) {
        if ("list".equals(string(object, "object")) && path.startsWith("data.")) {
            for (JsonElement element : object.getAsJsonArray("data")) {
                expandPath(scope, element.getAsJsonObject(), path.substring("data.".length()));
            }
            return;
        }
        int dot = path.indexOf('.');
        String field = dot < 0 ? path : path.substring(0, dot);
        if ("line_items".equals(field) && "checkout.session".equals(string(object, "object"))) {
            JsonArray items = new JsonArray();
            store.lineItems(string(object, "id")).forEach(i -> items.add(i.deepCopy()));
            object.add(
                    "line_items",
                    SandboxStore.list(items, false, "/v1/checkout/sessions/" + string(object, "id") + "/line_items"));
        }
        JsonElement value = object.get(field);
        if (value != null && value.isJsonPrimitive()) {
            String id = value.getAsString();
            JsonObject target = store.find(scope, id);
            if (target == null) {
                target = store.find(PLATFORM, id);
            }
            if (target != null) {
                value = publicView(target);
                object.add(field, value);
            }
        }
        if (dot >= 0 && value instanceof JsonObject nested) {
            expandPath(scope, nested, path.substring(dot + 1));
        }
    }

    // ---- accounts ------------------------------------------------------------------------------

    private JsonObject createAccount(StripeForm form) {
        JsonObject account = StripeFixtures.of("account");
        account.addProperty("id", id("acct_", 16));
        account.addProperty("created", now());
        account.addProperty("type", form.string("type", "express"));
        String country = form.string("country", "DE");
        account.addProperty("country", country);
        account.addProperty("default_currency", form.string("default_currency", "US".equals(country) ? "usd" : "eur"));
        account.add(
                "email", form.string("email") == null ? JsonNull.INSTANCE : new JsonPrimitive(form.string("email")));
        account.add(
                "business_type",
                form.string("business_type") == null
                        ? JsonNull.INSTANCE
                        : new JsonPrimitive(form.string("business_type")));
        JsonObject profile = account.getAsJsonObject("business_profile");
        for (Map.Entry<String, JsonElement> entry :
                form.object("business_profile").entrySet()) {
            if (entry.getValue().isJsonPrimitive()) {
                profile.add(entry.getKey(), entry.getValue());
            }
        }
        JsonObject capabilities = new JsonObject();
        for (String capability : form.object("capabilities").keySet()) {
            capabilities.addProperty(capability, "inactive");
        }
        if (capabilities.isEmpty()) {
            capabilities.addProperty("card_payments", "inactive");
            capabilities.addProperty("transfers", "inactive");
        }
        account.add("capabilities", capabilities);
        JsonObject metadata = new JsonObject();
        StripeForm.mergeMetadata(metadata, form.object("metadata"));
        account.add("metadata", metadata);
        account.addProperty("charges_enabled", false);
        account.addProperty("payouts_enabled", false);
        account.addProperty("details_submitted", false);
        account.remove("tos_acceptance");
        return store.save(PLATFORM, account);
    }

    private JsonObject updateAccount(String id, StripeForm form) {
        JsonObject account = store.get(PLATFORM, "account", id);
        synchronized (store) {
            update(account, form, "email");
            JsonObject profile = account.getAsJsonObject("business_profile");
            for (Map.Entry<String, JsonElement> entry :
                    form.object("business_profile").entrySet()) {
                if (entry.getValue().isJsonPrimitive()) {
                    profile.add(entry.getKey(), entry.getValue());
                }
            }
            store.emit(id, "account.updated", account);
        }
        return account;
    }

    private JsonObject createAccountLink(StripeForm form) {
        String accountId = form.require("account");
        store.get(PLATFORM, "account", accountId);
        String returnUrl = form.require("return_url");
        String refreshUrl = form.string("refresh_url", returnUrl);
        JsonObject link = StripeFixtures.of("account_link");
        long now = now();
        link.addProperty("created", now);
        link.addProperty("expires_at", now + 300);
        link.addProperty(
                "url",
                store.baseUrl() + "/connect/onboarding/" + accountId + "?return_url=" + SandboxPages.encode(returnUrl)
                        + "&refresh_url=" + SandboxPages.encode(refreshUrl));
        return link;
    }

    // ---- catalog -------------------------------------------------------------------------------

    private JsonObject createProduct(String scope, StripeForm form) {
        JsonObject product = StripeFixtures.of("product");
        product.addProperty("id", form.string("id", id("prod_", 14)));
        product.addProperty("name", form.require("name"));
        product.add("description", nullable(form.string("description")));
        product.addProperty("active", !Boolean.FALSE.equals(form.flag("active")));
        product.addProperty("created", now());
        product.addProperty("updated", now());
        product.add("default_price", JsonNull.INSTANCE);
        product.add("package_dimensions", JsonNull.INSTANCE);
        product.addProperty("type", "service");
        JsonArray images = new JsonArray();
        form.strings("images").forEach(images::add);
        product.add("images", images);
        JsonObject metadata = new JsonObject();
        StripeForm.mergeMetadata(metadata, form.object("metadata"));
        product.add("metadata", metadata);
        synchronized (store) {
            store.save(scope, product);
            if (form.has("default_price_data")) {
                JsonObject price = price(
                        StripeForm.of(form.object("default_price_data")),
                        product.get("id").getAsString());
                store.save(scope, price);
                product.addProperty("default_price", price.get("id").getAsString());
            }
            return product;
        }
    }

    private JsonObject createPrice(String scope, StripeForm form) {
        String productId = form.string("product");
        if (productId == null) {
            if (!form.has("product_data")) {
                throw StripeError.missing("product");
            }
            StripeForm productData = StripeForm.of(form.object("product_data"));
            productId = createProduct(scope, productData).get("id").getAsString();
        } else {
            store.get(scope, "product", productId);
        }
        return store.save(scope, price(form, productId));
    }

    private static JsonObject price(StripeForm form, String productId) {
        JsonObject price = StripeFixtures.of("price");
        price.addProperty("id", id("price_"));
        price.addProperty("product", productId);
        price.addProperty("currency", form.require("currency").toLowerCase(Locale.ROOT));
        long unitAmount =
                form.number("unit_amount") == null ? requireNumber(form, "unit_amount") : form.number("unit_amount");
        if (unitAmount < 0) {
            throw StripeError.invalid("Invalid non-negative integer", "unit_amount");
        }
        price.addProperty("unit_amount", unitAmount);
        price.addProperty("unit_amount_decimal", String.valueOf(unitAmount));
        price.addProperty("created", now());
        price.addProperty("active", !Boolean.FALSE.equals(form.flag("active")));
        price.add("nickname", nullable(form.string("nickname")));
        price.add("lookup_key", nullable(form.string("lookup_key")));
        price.add("custom_unit_amount", JsonNull.INSTANCE);
        price.add("transform_quantity", JsonNull.INSTANCE);
        if (form.has("recurring")) {
            String interval = form.require("recurring.interval");
            if (!List.of("day", "week", "month", "year").contains(interval)) {
                throw StripeError.invalid(
                        "Invalid recurring[interval]: must be one of day, month, week, or year", "recurring[interval]");
            }
            JsonObject recurring = price.getAsJsonObject("recurring");
            recurring.addProperty("interval", interval);
            recurring.addProperty(
                    "interval_count",
                    form.number("recurring.interval_count") == null ? 1 : form.number("recurring.interval_count"));
            recurring.add(
                    "trial_period_days",
                    form.number("recurring.trial_period_days") == null
                            ? JsonNull.INSTANCE
                            : new JsonPrimitive(form.number("recurring.trial_period_days")));
            price.addProperty("type", "recurring");
        } else {
            price.add("recurring", JsonNull.INSTANCE);
            price.addProperty("type", "one_time");
        }
        JsonObject metadata = new JsonObject();
        StripeForm.mergeMetadata(metadata, form.object("metadata"));
        price.add("metadata", metadata);
        return price;
    }

    private static long requireNumber(StripeForm form, String path) {
        throw StripeError.missing(path);
    }

    private JsonObject createCoupon(String scope, StripeForm form) {
        JsonObject coupon = StripeFixtures.of("coupon");
        String id = form.string("id", id("", 8));
        if (store.find(scope, id) != null) {
            throw StripeError.invalid("resource_already_exists", "Coupon already exists.", "id");
        }
        coupon.addProperty("id", id);
        Double percentOff = form.decimal("percent_off");
        Long amountOff = form.number("amount_off");
        if ((percentOff == null) == (amountOff == null)) {
            throw StripeError.invalid("You must pass exactly one of amount_off or percent_off.", "percent_off");
        }
        if (percentOff != null && (percentOff <= 0 || percentOff > 100)) {
            throw StripeError.invalid("Invalid percent_off: must be between 0 and 100", "percent_off");
        }
        coupon.add("percent_off", percentOff == null ? JsonNull.INSTANCE : new JsonPrimitive(percentOff));
        coupon.add("amount_off", amountOff == null ? JsonNull.INSTANCE : new JsonPrimitive(amountOff));
        coupon.add(
                "currency",
                amountOff == null
                        ? JsonNull.INSTANCE
                        : new JsonPrimitive(form.require("currency").toLowerCase(Locale.ROOT)));
        coupon.addProperty("duration", form.string("duration", "once"));
        coupon.add("duration_in_months", nullableNumber(form.number("duration_in_months")));
        coupon.add("max_redemptions", nullableNumber(form.number("max_redemptions")));
        coupon.add("redeem_by", nullableNumber(form.number("redeem_by")));
        coupon.add("name", nullable(form.string("name")));
        coupon.addProperty("created", now());
        coupon.addProperty("valid", true);
        JsonObject metadata = new JsonObject();
        StripeForm.mergeMetadata(metadata, form.object("metadata"));
        coupon.add("metadata", metadata);
        return store.save(scope, coupon);
    }

    private JsonObject deleteCoupon(String scope, String id) {
        JsonObject coupon = store.get(scope, "coupon", id);
        coupon.addProperty("valid", false);
        JsonObject deleted = new JsonObject();
        deleted.addProperty("id", id);
        deleted.addProperty("object", "coupon");
        deleted.addProperty("deleted", true);
        return deleted;
    }

    private JsonObject createPromotionCode(String scope, StripeForm form) {
        String couponId = form.string("promotion.coupon", form.string("coupon"));
        if (couponId == null) {
            throw StripeError.missing("promotion.coupon");
        }
        store.get(scope, "coupon", couponId);
        String code = form.string("code", id("", 8).toUpperCase(Locale.ROOT));
        synchronized (store) {
            boolean taken = !store.all(
                            scope,
                            "promotion_code",
                            p -> code.equalsIgnoreCase(string(p, "code"))
                                    && p.get("active").getAsBoolean())
                    .isEmpty();
            if (taken) {
                throw StripeError.invalid("An active promotion code with `code: " + code + "` already exists.", "code");
            }
            JsonObject promotion = StripeFixtures.of("promotion_code");
            promotion.addProperty("id", id("promo_"));
            promotion.addProperty("code", code);
            promotion.addProperty("active", !Boolean.FALSE.equals(form.flag("active")));
            promotion.addProperty("created", now());
            promotion.add("expires_at", nullableNumber(form.number("expires_at")));
            promotion.add("max_redemptions", nullableNumber(form.number("max_redemptions")));
            JsonObject source = new JsonObject();
            source.addProperty("coupon", couponId);
            source.addProperty("type", "coupon");
            promotion.add("promotion", source);
            promotion.add("coupon", publicView(store.get(scope, "coupon", couponId)));
            JsonObject restrictions = promotion.getAsJsonObject("restrictions");
            restrictions.addProperty(
                    "first_time_transaction", Boolean.TRUE.equals(form.flag("restrictions.first_time_transaction")));
            restrictions.add("minimum_amount", nullableNumber(form.number("restrictions.minimum_amount")));
            restrictions.add("minimum_amount_currency", nullable(form.string("restrictions.minimum_amount_currency")));
            JsonObject metadata = new JsonObject();
            StripeForm.mergeMetadata(metadata, form.object("metadata"));
            promotion.add("metadata", metadata);
            return store.save(scope, promotion);
        }
    }

    // ---- checkout ------------------------------------------------------------------------------

    private JsonObject createCheckoutSession(String scope, StripeForm form) {
        String mode = form.require("mode");
        if (!List.of("payment", "subscription").contains(mode)) {
            throw StripeError.invalid("The sandbox supports mode=payment and mode=subscription.", "mode");
        }
        if (!PLATFORM.equals(scope)) {
            JsonObject account = store.get(PLATFORM, "account", scope);
            if (!account.get("charges_enabled").getAsBoolean()) {
                throw StripeError.invalid(
                        "account_invalid",
                        "Your account cannot currently make charges: the connected account " + scope
                                + " has not completed onboarding (charges_enabled is false).",
                        null);
            }
        }
        if (form.flag("allow_promotion_codes") != null && form.has("discounts")) {
            throw StripeError.invalid(
                    "You may only specify one of these parameters: allow_promotion_codes, discounts.", "discounts");
        }
        String successUrl = form.string("success_url");
        if (successUrl == null && form.string("ui_mode") == null) {
            throw StripeError.missing("success_url");
        }
        JsonArray lineItemParams = form.array("line_items");
        if (lineItemParams.isEmpty()) {
            throw StripeError.missing("line_items");
        }
        String sessionId = id("cs_test_", 58);
        JsonArray lineItems = new JsonArray();
        String currency = null;
        long subtotal = 0;
        for (int i = 0; i < lineItemParams.size(); i++) {
            StripeForm item = StripeForm.of(lineItemParams.get(i).getAsJsonObject());
            JsonObject price;
            if (item.string("price") != null) {
                price = store.get(scope, "price", item.string("price"));
                if (!price.get("active").getAsBoolean()) {
                    throw StripeError.invalid(
                            "The price specified is inactive. This field only accepts active prices.",
                            "line_items[" + i + "][price]");
                }
            } else if (item.has("price_data")) {
                StripeForm priceData = StripeForm.of(item.object("price_data"));
                String productId = priceData.string("product");
                if (productId == null) {
                    productId = createProduct(scope, StripeForm.of(priceData.object("product_data")))
                            .get("id")
                            .getAsString();
                }
                price = store.save(scope, price(priceData, productId));
            } else {
                throw StripeError.missing("line_items." + i + ".price");
            }
            boolean recurring = "recurring".equals(string(price, "type"));
            if ("payment".equals(mode) && recurring) {
                throw StripeError.invalid(
                        "You specified `payment` mode but passed a recurring price. Either switch to `subscription`"
                                + " mode or use only one-time prices.",
                        "line_items[" + i + "]");
            }
            if ("subscription".equals(mode) && !recurring) {
                throw StripeError.invalid(
                        "You must provide at least one recurring price in `subscription` mode when using prices.",
                        "line_items[" + i + "]");
            }
            if (currency != null && !currency.equals(string(price, "currency"))) {
                throw StripeError.invalid("All prices must be in the same currency.", "line_items");
            }
            currency = string(price, "currency");
            long quantity = item.number("quantity") == null ? 1 : item.number("quantity");
            long amount = price.get("unit_amount").getAsLong() * quantity;
            subtotal += amount;
            JsonObject lineItem = StripeFixtures.of("item");
            lineItem.addProperty("id", id("li_"));
            lineItem.addProperty("object", "item");
            lineItem.addProperty("amount_subtotal", amount);
            lineItem.addProperty("amount_total", amount);
            lineItem.addProperty("amount_discount", 0);
            lineItem.addProperty("amount_tax", 0);
            lineItem.addProperty("currency", currency);
            JsonObject product = store.find(scope, string(price, "product"));
            lineItem.addProperty("description", product == null ? "Item" : string(product, "name"));
            lineItem.add("price", publicView(price));
            lineItem.addProperty("quantity", quantity);
            lineItem.add("metadata", new JsonObject());
            lineItems.add(lineItem);
        }

        JsonObject session = StripeFixtures.of("checkout.session");
        long now = now();
        session.addProperty("id", sessionId);
        session.addProperty("created", now);
        session.addProperty("expires_at", form.number("expires_at") == null ? now + 86_400 : form.number("expires_at"));
        session.addProperty("mode", mode);
        session.addProperty("status", "open");
        session.addProperty("payment_status", "unpaid");
        session.addProperty("currency", currency);
        session.addProperty("amount_subtotal", subtotal);
        session.addProperty("amount_total", subtotal);
        session.add("success_url", nullable(successUrl));
        session.add("cancel_url", nullable(form.string("cancel_url")));
        session.add("client_reference_id", nullable(form.string("client_reference_id")));
        session.add("customer_email", nullable(form.string("customer_email")));
        session.add("customer", nullable(form.string("customer")));
        if (form.string("customer") != null) {
            store.get(scope, "customer", form.string("customer"));
        }
        session.add("customer_details", JsonNull.INSTANCE);
        session.add("customer_creation", nullable(form.string("customer_creation")));
        session.add("locale", nullable(form.string("locale")));
        session.add("payment_intent", JsonNull.INSTANCE);
        session.add("subscription", JsonNull.INSTANCE);
        session.add("invoice", JsonNull.INSTANCE);
        session.add(
                "allow_promotion_codes",
                form.flag("allow_promotion_codes") == null
                        ? JsonNull.INSTANCE
                        : new JsonPrimitive(form.flag("allow_promotion_codes")));
        session.add("after_expiration", JsonNull.INSTANCE);
        session.add("shipping_address_collection", JsonNull.INSTANCE);
        session.add("shipping_cost", JsonNull.INSTANCE);
        session.add("currency_conversion", JsonNull.INSTANCE);
        session.add("collected_information", JsonNull.INSTANCE);
        session.add("invoice_creation", JsonNull.INSTANCE);
        session.add("submit_type", nullable(form.string("submit_type")));
        JsonObject customText = new JsonObject();
        for (String field : List.of("after_submit", "shipping_address", "submit", "terms_of_service_acceptance")) {
            customText.add(field, JsonNull.INSTANCE);
        }
        session.add("custom_text", customText);
        JsonObject totals = new JsonObject();
        totals.addProperty("amount_discount", 0);
        totals.addProperty("amount_shipping", 0);
        totals.addProperty("amount_tax", 0);
        session.add("total_details", totals);
        session.add("discounts", new JsonArray());
        session.addProperty("url", store.baseUrl() + "/checkout/" + sessionId);
        JsonObject metadata = new JsonObject();
        StripeForm.mergeMetadata(metadata, form.object("metadata"));
        session.add("metadata", metadata);
        session.add("_payment_intent_data", hiddenParams(form.object("payment_intent_data")));
        session.add("_subscription_data", hiddenParams(form.object("subscription_data")));
        JsonObject sessionDiscount = form.array("discounts").isEmpty()
                ? null
                : form.array("discounts").get(0).getAsJsonObject();
        synchronized (store) {
            if (sessionDiscount != null) {
                if (sessionDiscount.has("promotion_code")) {
                    JsonObject promotion = store.get(
                            scope,
                            "promotion_code",
                            sessionDiscount.get("promotion_code").getAsString());
                    if (!promotion.get("active").getAsBoolean()) {
                        throw StripeError.invalid(
                                "This promotion code cannot be redeemed because it is inactive.",
                                "discounts[0][promotion_code]");
                    }
                    store.applyDiscount(scope, session, promotion);
                } else if (sessionDiscount.has("coupon")) {
                    JsonObject promotion = new JsonObject();
                    JsonObject source = new JsonObject();
                    source.add("coupon", sessionDiscount.get("coupon"));
                    promotion.add("promotion", source);
                    store.get(scope, "coupon", sessionDiscount.get("coupon").getAsString());
                    store.applyDiscount(scope, session, promotion);
                }
            }
            store.lineItems(sessionId, lineItems);
            return store.save(scope, session);
        }
    }

    /** Keeps payment_intent_data / subscription_data with numbers typed, for completing later. */
    private static JsonObject hiddenParams(JsonObject params) {
        JsonObject typed = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : params.entrySet()) {
            String key = entry.getKey();
            JsonElement value = entry.getValue();
            switch (key) {
                case "application_fee_amount", "trial_period_days", "trial_end" ->
                    typed.addProperty(key, Long.parseLong(value.getAsString()));
                case "application_fee_percent" -> typed.addProperty(key, Double.parseDouble(value.getAsString()));
                case "metadata" -> {
                    JsonObject metadata = new JsonObject();
                    StripeForm.mergeMetadata(metadata, value.getAsJsonObject());
                    typed.add(key, metadata);
                }
                default -> typed.add(key, value);
            }
        }
        return typed;
    }

    // ---- money movements -----------------------------------------------------------------------

    private JsonObject createRefund(String scope, StripeForm form) {
        String chargeId = form.string("charge");
        if (chargeId == null) {
            String intentId = form.string("payment_intent");
            if (intentId == null) {
                throw StripeError.invalid(
                        "One of the following params should be provided for this request: payment_intent or charge.",
                        null);
            }
            JsonObject intent = store.get(scope, "payment_intent", intentId);
            chargeId = string(intent, "latest_charge");
            if (chargeId == null) {
                throw StripeError.invalid(
                        "This PaymentIntent does not have a successful charge to refund.", "payment_intent");
            }
        }
        JsonObject charge = store.get(scope, "charge", chargeId);
        JsonObject metadata = new JsonObject();
        StripeForm.mergeMetadata(metadata, form.object("metadata"));
        String reason = form.string("reason");
        if (reason != null
                && !List.of("duplicate", "fraudulent", "requested_by_customer").contains(reason)) {
            throw StripeError.invalid(
                    "Invalid reason: must be one of duplicate, fraudulent, or requested_by_customer", "reason");
        }
        return store.refund(scope, charge, form.number("amount"), reason, metadata);
    }

    private JsonObject updateSubscription(String scope, String id, StripeForm form) {
        JsonObject subscription = store.get(scope, "subscription", id);
        synchronized (store) {
            Boolean atPeriodEnd = form.flag("cancel_at_period_end");
            if (form.element("metadata") instanceof JsonObject metadata) {
                StripeForm.mergeMetadata(subscription.getAsJsonObject("metadata"), metadata);
            }
            if (atPeriodEnd != null) {
                return store.cancelAtPeriodEnd(scope, id, atPeriodEnd);
            }
            store.emit(scope, "customer.subscription.updated", subscription, new JsonObject());
            return subscription;
        }
    }

    private JsonObject updateDispute(String scope, String id, StripeForm form) {
        JsonObject dispute = store.get(scope, "dispute", id);
        synchronized (store) {
            update(dispute, form);
            JsonObject evidence = dispute.getAsJsonObject("evidence");
            for (Map.Entry<String, JsonElement> entry : form.object("evidence").entrySet()) {
                evidence.add(entry.getKey(), entry.getValue());
            }
            if (Boolean.TRUE.equals(form.flag("submit")) || form.flag("submit") == null && form.has("evidence")) {
                dispute.addProperty("status", "under_review");
                dispute.getAsJsonObject("evidence_details").addProperty("has_evidence", true);
            }
            store.emit(scope, "charge.dispute.updated", dispute);
            return dispute;
        }
    }

    private JsonObject createPortalSession(String scope, StripeForm form) {
        String customerId = form.require("customer");
        store.get(scope, "customer", customerId);
        JsonObject session = StripeFixtures.of("billing_portal.session");
        String id = id("bps_");
        session.addProperty("id", id);
        session.addProperty("created", now());
        session.addProperty("customer", customerId);
        session.addProperty("livemode", false);
        session.add("flow", JsonNull.INSTANCE);
        session.add("return_url", nullable(form.string("return_url")));
        session.addProperty("configuration", "bpc_sandbox");
        session.addProperty("url", store.baseUrl() + "/portal/" + id);
        return store.save(scope, session);
    }

    private JsonObject createWebhookEndpoint(StripeForm form) {
        String url = form.require("url");
        List<String> events = form.strings("enabled_events");
        if (events.isEmpty()) {
            throw StripeError.missing("enabled_events");
        }
        boolean connect = Boolean.TRUE.equals(form.flag("connect"));
        JsonObject endpoint = StripeFixtures.of("webhook_endpoint");
        endpoint.addProperty("id", id("we_"));
        endpoint.addProperty("url", url);
        endpoint.addProperty("created", now());
        JsonArray enabled = new JsonArray();
        events.forEach(enabled::add);
        endpoint.add("enabled_events", enabled);
        endpoint.add("description", nullable(form.string("description")));
        endpoint.add("api_version", nullable(form.string("api_version")));
        endpoint.addProperty("status", "enabled");
        endpoint.addProperty("application", (String) null);
        endpoint.addProperty("_connect", connect);
        JsonObject metadata = new JsonObject();
        StripeForm.mergeMetadata(metadata, form.object("metadata"));
        endpoint.add("metadata", metadata);
        synchronized (store) {
            // An app registering again (a restart, a new test context) replaces its old endpoint.
            for (JsonObject old : store.all(
                    PLATFORM,
                    "webhook_endpoint",
                    w -> url.equals(string(w, "url")) && w.get("_connect").getAsBoolean() == connect)) {
                old.addProperty("status", "disabled");
                delivery.unregister(string(old, "id"));
            }
            store.save(PLATFORM, endpoint);
            delivery.register(string(endpoint, "id"), url, connect, events);
        }
        JsonObject answer = publicView(endpoint);
        answer.addProperty("secret", webhookSecret);
        return answer;
    }

    private JsonObject deleteWebhookEndpoint(String id) {
        JsonObject endpoint = store.get(PLATFORM, "webhook_endpoint", id);
        endpoint.addProperty("status", "disabled");
        delivery.unregister(id);
        JsonObject deleted = new JsonObject();
        deleted.addProperty("id", id);
        deleted.addProperty("object", "webhook_endpoint");
        deleted.addProperty("deleted", true);
        return deleted;
    }

    private static JsonElement nullable(String value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }

    private static JsonElement nullableNumber(Long value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }
}
