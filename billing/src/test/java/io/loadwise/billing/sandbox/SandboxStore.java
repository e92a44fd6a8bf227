package io.loadwise.billing.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The sandbox's Stripe: objects in memory, scoped like Stripe's to the platform or to one connected
 * account, and the money movements a buyer, a business or a bank would cause — each emitting the
 * events Stripe emits. All state changes are serialised on this object, so events come out in
 * the order they happened.
 */
final class SandboxStore {

    /** The platform's own scope; connected accounts are scoped by their {@code acct_} id. */
    static final String PLATFORM = "";

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Stored> objects = new LinkedHashMap<>();
    private final Map<String, String> scopeOfId = new HashMap<>();
    private final Map<String, JsonArray> checkoutLineItems = new HashMap<>();
    private final Consumer<JsonObject> eventSink;
    private final String baseUrl;
    private long sequence;

    private record Stored(String scope, long sequence, JsonObject object) {}

    SandboxStore(String baseUrl, Consumer<JsonObject> eventSink) {
        this.baseUrl = baseUrl;
        this.eventSink = eventSink;
    }

    String baseUrl() {
        return baseUrl;
    }

    static String id(String prefix) {
        return id(prefix, 24);
    }

    static String id(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    // ---- storage -------------------------------------------------------------------------------

    synchronized JsonObject save(String scope, JsonObject object) {
        String id = object.get("id").getAsString();
        Stored previous = objects.get(key(scope, id));
        objects.put(key(scope, id), new Stored(scope, previous == null ? ++sequence : previous.sequence(), object));
        scopeOfId.put(id, scope);
        return object;
    }

    private static String key(String scope, String id) {
        return scope + "|" + id;
    }

    synchronized JsonObject find(String scope, String id) {
        Stored stored = objects.get(key(scope, id));
        return stored == null ? null : stored.object();
    }

    /** The object with {@code id} of type {@code objectName} in {@code scope}, or Stripe's 404. */
    synchronized JsonObject get(String scope, String objectName, String id) {
        JsonObject object = find(scope, id);
        if (object == null || !objectName.equals(string(object, "object"))) {
            throw StripeError.noSuch(objectName, id);
        }
        return object;
    }

    /** The scope an id lives in, for drivers that are given only an id. */
    synchronized String scopeOf(String id) {
        String scope = scopeOfId.get(id);
        if (scope == null) {
            throw new IllegalArgumentException("The Stripe sandbox has no object " + id);
        }
        return scope;
    }

    /** Objects of a type in a scope, newest first (Stripe's list order). */
    synchronized List<JsonObject> all(String scope, String objectName, Predicate<JsonObject> filter) {
        return objects.values().stream()
                .filter(s -> s.scope().equals(scope)
                        && objectName.equals(string(s.object(), "object"))
                        && filter.test(s.object()))
                .sorted(Comparator.comparingLong(
                                (Stored s) -> s.object().get("created").getAsLong())
                        .thenComparingLong(Stored::sequence)
                        .reversed())
                .map(Stored::object)
                .toList();
    }

    /** Objects of a type in every scope, oldest first, for the dashboard. */
    synchronized List<Map.Entry<String, JsonObject>> everywhere(String objectName) {
        List<Map.Entry<String, JsonObject>> found = new ArrayList<>();
        for (Stored s : objects.values()) {
            if (objectName.equals(string(s.object(), "object"))) {
                found.add(Map.entry(s.scope(), s.object()));
            }
        }
        return found;
    }

    synchronized void lineItems(String sessionId, JsonArray items) {
        checkoutLineItems.put(sessionId, items);
    }

    synchronized JsonArray lineItems(String sessionId) {
        return checkoutLineItems.getOrDefault(sessionId, new JsonArray());
    }

    // ---- events --------------------------------------------------------------------------------

    /** Records an event like Stripe's and hands it on for delivery, in the order of calls. */
    synchronized JsonObject emit(String scope, String type, JsonObject object, JsonObject previousAttributes) {
        JsonObject event = StripeFixtures.of("event");
        event.addProperty("id", id("evt_"));
        event.addProperty("api_version", com.stripe.Stripe.API_VERSION);
        event.addProperty("created", now());
        event.addProperty("livemode", false);
        event.addProperty("type", type);
        event.addProperty("pending_webhooks", 1);
        JsonObject data = new JsonObject();
        data.add("object", publicView(object));
        if (previousAttributes != null) {
            data.add("previous_attributes", previousAttributes);
        }
        event.add("data", data);
        if (!PLATFORM.equals(scope)) {
            event.addProperty("account", scope);
        }
        save(scope, event);
        eventSink.accept(event);
        return event;
    }

    synchronized JsonObject emit(String scope, String type, JsonObject object) {
        return emit(scope, type, object, null);
    }

    // ---- connected accounts --------------------------------------------------------------------

    /** What onboarding does: the account can take payments and be paid out. */
    synchronized JsonObject completeOnboarding(String accountId) {
        JsonObject account = get(PLATFORM, "account", accountId);
        JsonObject previous = new JsonObject();
        previous.addProperty("charges_enabled", account.get("charges_enabled").getAsBoolean());
        previous.addProperty("payouts_enabled", account.get("payouts_enabled").getAsBoolean());
        previous.addProperty(
                "details_submitted", account.get("details_submitted").getAsBoolean());
        account.addProperty("charges_enabled", true);
        account.addProperty("payouts_enabled", true);
        account.addProperty("details_submitted", true);
        JsonObject requirements = account.getAsJsonObject("requirements");
        requirements.add("currently_due", new JsonArray());
        requirements.add("eventually_due", new JsonArray());
        requirements.add("past_due", new JsonArray());
        requirements.add("pending_verification", new JsonArray());
        requirements.add("disabled_reason", JsonNull.INSTANCE);
        JsonObject capabilities = new JsonObject();
        capabilities.addProperty("card_payments", "active");
        capabilities.addProperty("transfers", "active");
        account.add("capabilities", capabilities);
        // Connect endpoints receive account.updated for the connected account.
        emit(accountId, "account.updated", account, previous);
        return account;
    }

    // ---- checkout ------------------------------------------------------------------------------

    enum PaymentOutcome {
        PAID,
        DELAYED
    }

    /** A buyer paying on the checkout page (card, or a delayed method that settles later). */
    synchronized JsonObject payCheckout(
            String scope, String sessionId, String email, String name, String promotionCode, PaymentOutcome outcome) {
        JsonObject session = get(scope, "checkout.session", sessionId);
        if (!"open".equals(string(session, "status"))) {
            throw new IllegalStateException("Checkout session " + sessionId + " is " + string(session, "status"));
        }
        if (promotionCode != null && !promotionCode.isBlank()) {
            applyPromotionCode(scope, session, promotionCode.trim());
        }
        JsonObject details = StripeFixtures.of("checkout.session").getAsJsonObject("customer_details");
        session.add("customer_details", details);
        details.addProperty("email", email);
        details.addProperty("name", name);
        session.addProperty("status", "complete");
        long total = session.get("amount_total").getAsLong();
        String mode = string(session, "mode");
        if ("subscription".equals(mode)) {
            completeSubscriptionCheckout(scope, session, email, name);
        } else if (outcome == PaymentOutcome.DELAYED) {
            JsonObject intent = paymentIntent(scope, session, total, email);
            intent.addProperty("status", "processing");
            session.addProperty("payment_intent", string(intent, "id"));
            session.addProperty("payment_status", "unpaid");
            emit(scope, "payment_intent.processing", intent);
        } else {
            JsonObject intent = paymentIntent(scope, session, total, email);
            JsonObject charge = charge(scope, intent, email, name);
            session.addProperty("payment_intent", string(intent, "id"));
            session.addProperty("payment_status", "paid");
            emit(scope, "charge.succeeded", charge);
            emit(scope, "payment_intent.succeeded", intent);
        }
        emit(scope, "checkout.session.completed", session);
        return session;
    }

    /** A delayed payment method settling: the bank confirmed or refused the money. */
    synchronized JsonObject settleAsyncPayment(String scope, String sessionId, boolean succeeded) {
        JsonObject session = get(scope, "checkout.session", sessionId);
        String intentId = string(session, "payment_intent");
        if (!"complete".equals(string(session, "status"))
                || !"unpaid".equals(string(session, "payment_status"))
                || intentId == null) {
            throw new IllegalStateException("Checkout session " + sessionId + " has no delayed payment pending");
        }
        JsonObject intent = get(scope, "payment_intent", intentId);
        String email = session.getAsJsonObject("customer_details").get("email").getAsString();
        String name = string(session.getAsJsonObject("customer_details"), "name");
        if (succeeded) {
            JsonObject charge = charge(scope, intent, email, name);
            session.addProperty("payment_status", "paid");
            emit(scope, "charge.succeeded", charge);
            emit(scope, "payment_intent.succeeded", intent);
            emit(scope, "checkout.session.async_payment_succeeded", session);
        } else {
            intent.addProperty("status", "requires_payment_method");
            intent.add(
                    "last_payment_error",
                    paymentError("payment_method_provider_decline", "The bank refused the payment."));
            emit(scope, "payment_intent.payment_failed", intent);
            emit(scope, "checkout.session.async_payment_failed", session);
        }
        return session;
    }

    /** A declined card: the session stays open, the attempt is recorded on a payment intent. */
    synchronized JsonObject declineCheckout(String scope, String sessionId, String email) {
        JsonObject session = get(scope, "checkout.session", sessionId);
        if ("subscription".equals(string(session, "mode"))) {
            return session;
        }
        JsonObject intent =
                paymentIntent(scope, session, session.get("amount_total").getAsLong(), email);
        intent.addProperty("status", "requires_payment_method");
        intent.add("last_payment_error", paymentError("card_declined", "Your card was declined."));
        session.addProperty("payment_intent", string(intent, "id"));
        emit(scope, "payment_intent.payment_failed", intent);
        return session;
    }

    synchronized JsonObject expireCheckout(String scope, String sessionId) {
        JsonObject session = get(scope, "checkout.session", sessionId);
        if (!"open".equals(string(session, "status"))) {
            throw StripeError.invalid(
                    "Only Checkout Sessions with a status in [\"open\"] can be expired. This Checkout Session has a"
                            + " status of \"" + string(session, "status") + "\".",
                    null);
        }
        session.addProperty("status", "expired");
        emit(scope, "checkout.session.expired", session);
        return session;
    }

    private static JsonObject paymentError(String code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("type", "card_error");
        error.addProperty("code", code);
        error.addProperty("decline_code", "generic_decline");
        error.addProperty("message", message);
        return error;
    }

    private void applyPromotionCode(String scope, JsonObject session, String code) {
        if (!Boolean.TRUE.equals(bool(session, "allow_promotion_codes"))) {
            throw new IllegalStateException("This checkout does not take promotion codes");
        }
        JsonObject promotion = all(
                        scope,
                        "promotion_code",
                        p -> code.equalsIgnoreCase(string(p, "code"))
                                && p.get("active").getAsBoolean())
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("This code is invalid."));
        applyDiscount(scope, session, promotion);
    }

    /** Sets the session's totals for a promotion code (or its coupon). */
    synchronized void applyDiscount(String scope, JsonObject session, JsonObject promotion) {
        String couponId = promotion == null ? null : couponOf(promotion);
        JsonObject coupon = couponId == null ? null : get(scope, "coupon", couponId);
        long subtotal = session.get("amount_subtotal").getAsLong();
        long discount = 0;
        if (coupon != null) {
            if (coupon.has("percent_off") && !coupon.get("percent_off").isJsonNull()) {
                discount = Math.round(subtotal * coupon.get("percent_off").getAsDouble() / 100.0);
            } else if (coupon.has("amount_off") && !coupon.get("amount_off").isJsonNull()) {
                discount = Math.min(subtotal, coupon.get("amount_off").getAsLong());
            }
            JsonArray discounts = new JsonArray();
            JsonObject applied = new JsonObject();
            applied.add("coupon", JsonNull.INSTANCE);
            applied.addProperty("promotion_code", string(promotion, "id"));
            discounts.add(applied);
            session.add("discounts", discounts);
        }
        session.addProperty("amount_total", subtotal - discount);
        session.getAsJsonObject("total_details").addProperty("amount_discount", discount);
    }

    static String couponOf(JsonObject promotion) {
        JsonElement coupon = promotion.getAsJsonObject("promotion").get("coupon");
        if (coupon == null || coupon.isJsonNull()) {
            return null;
        }
        return coupon.isJsonObject() ? string(coupon.getAsJsonObject(), "id") : coupon.getAsString();
    }

    private JsonObject paymentIntent(String scope, JsonObject session, long amount, String email) {
        JsonObject data = session.has("_payment_intent_data")
                ? session.getAsJsonObject("_payment_intent_data")
                : new JsonObject();
        JsonObject intent = StripeFixtures.of("payment_intent");
        String id = id("pi_");
        intent.addProperty("id", id);
        intent.addProperty("client_secret", id + "_secret_" + id("", 25));
        intent.addProperty("amount", amount);
        intent.addProperty("amount_received", 0);
        intent.addProperty("currency", string(session, "currency"));
        intent.addProperty("created", now());
        intent.add("canceled_at", JsonNull.INSTANCE);
        intent.add("last_payment_error", JsonNull.INSTANCE);
        intent.add("next_action", JsonNull.INSTANCE);
        intent.add("processing", JsonNull.INSTANCE);
        intent.add("customer", session.get("customer"));
        intent.addProperty("receipt_email", email);
        intent.addProperty("status", "requires_payment_method");
        intent.add("metadata", data.has("metadata") ? data.get("metadata").deepCopy() : new JsonObject());
        if (data.has("application_fee_amount")) {
            intent.addProperty(
                    "application_fee_amount", data.get("application_fee_amount").getAsLong());
        }
        if (data.has("description")) {
            intent.add("description", data.get("description"));
        }
        intent.add("transfer_data", JsonNull.INSTANCE);
        return save(scope, intent);
    }

    /** A successful card charge for the intent; the intent succeeds with it. */
    private JsonObject charge(String scope, JsonObject intent, String email, String name) {
        JsonObject charge = StripeFixtures.of("charge");
        String id = id("ch_");
        long amount = intent.get("amount").getAsLong();
        charge.addProperty("id", id);
        charge.addProperty("amount", amount);
        charge.addProperty("amount_captured", amount);
        charge.addProperty("amount_refunded", 0);
        charge.addProperty("captured", true);
        charge.addProperty("paid", true);
        charge.addProperty("refunded", false);
        charge.addProperty("disputed", false);
        charge.addProperty("status", "succeeded");
        charge.addProperty("created", now());
        charge.addProperty("currency", string(intent, "currency"));
        charge.add("customer", intent.get("customer"));
        charge.addProperty("payment_intent", string(intent, "id"));
        charge.addProperty("receipt_email", email);
        charge.addProperty("receipt_url", baseUrl + "/receipts/" + id);
        charge.addProperty("description", string(intent, "description"));
        charge.add("metadata", intent.get("metadata").deepCopy());
        charge.add("transfer_data", JsonNull.INSTANCE);
        charge.addProperty("balance_transaction", id("txn_"));
        JsonObject billing = charge.getAsJsonObject("billing_details");
        billing.addProperty("email", email);
        billing.addProperty("name", name);
        JsonElement fee = intent.get("application_fee_amount");
        charge.add("application_fee_amount", fee == null ? JsonNull.INSTANCE : fee);
        if (fee == null || fee.isJsonNull() || PLATFORM.equals(scope)) {
            charge.add("application_fee", JsonNull.INSTANCE);
        } else {
            // The platform's cut of a direct charge: an application fee on the platform's account.
            JsonObject applicationFee = StripeFixtures.of("application_fee");
            String feeId = id("fee_");
            applicationFee.addProperty("id", feeId);
            applicationFee.addProperty("account", scope);
            applicationFee.addProperty("amount", fee.getAsLong());
            applicationFee.addProperty("currency", string(intent, "currency"));
            applicationFee.addProperty("charge", id);
            applicationFee.addProperty("created", now());
            applicationFee.addProperty("application", "ca_loadwise_sandbox");
            applicationFee.addProperty("balance_transaction", id("txn_"));
            JsonObject source = new JsonObject();
            source.addProperty("charge", id);
            source.addProperty("type", "charge");
            applicationFee.add("fee_source", source);
            applicationFee.add("refunds", list(new JsonArray(), false, "/v1/application_fees/" + feeId + "/refunds"));
            save(PLATFORM, applicationFee);
            charge.addProperty("application_fee", feeId);
        }
        charge.add("refunds", list(new JsonArray(), false, "/v1/charges/" + id + "/refunds"));
        charge.remove("source");
        save(scope, charge);
        intent.addProperty("status", "succeeded");
        intent.addProperty("amount_received", amount);
        intent.addProperty("latest_charge", id);
        intent.addProperty("payment_method", id("pm_"));
        return charge;
    }

    // ---- subscriptions -------------------------------------------------------------------------

    private void completeSubscriptionCheckout(String scope, JsonObject session, String email, String name) {
        JsonObject subscriptionData =
                session.has("_subscription_data") ? session.getAsJsonObject("_subscription_data") : new JsonObject();
        JsonObject customer = session.get("customer").isJsonNull()
                ? createCustomer(scope, email, name)
                : get(scope, "customer", session.get("customer").getAsString());
        session.addProperty("customer", string(customer, "id"));
        JsonArray items = lineItems(string(session, "id"));
        JsonObject price = items.get(0).getAsJsonObject().getAsJsonObject("price");
        long quantity = items.get(0).getAsJsonObject().get("quantity").getAsLong();
        long now = now();
        Long trialDays = subscriptionData.has("trial_period_days")
                ? subscriptionData.get("trial_period_days").getAsLong()
                : null;
        if (trialDays == null
                && price.getAsJsonObject("recurring").get("trial_period_days") != null
                && !price.getAsJsonObject("recurring").get("trial_period_days").isJsonNull()) {
            trialDays =
                    price.getAsJsonObject("recurring").get("trial_period_days").getAsLong();
        }
        boolean trial = trialDays != null && trialDays > 0;
        long periodEnd = trial ? now + trialDays * 86_400 : addInterval(now, price.getAsJsonObject("recurring"));

        JsonObject subscription = StripeFixtures.of("subscription");
        String subscriptionId = id("sub_");
        subscription.addProperty("id", subscriptionId);
        subscription.addProperty("customer", string(customer, "id"));
        subscription.addProperty("currency", string(session, "currency"));
        subscription.addProperty("created", now);
        subscription.addProperty("start_date", now);
        subscription.addProperty("billing_cycle_anchor", periodEnd);
        subscription.add("billing_cycle_anchor_config", JsonNull.INSTANCE);
        subscription.add("cancel_at", JsonNull.INSTANCE);
        subscription.add("canceled_at", JsonNull.INSTANCE);
        subscription.add("ended_at", JsonNull.INSTANCE);
        subscription.addProperty("cancel_at_period_end", false);
        subscription.add("next_pending_invoice_item_invoice", JsonNull.INSTANCE);
        subscription.add("pending_invoice_item_interval", JsonNull.INSTANCE);
        subscription.add("pending_update", JsonNull.INSTANCE);
        subscription.add("transfer_data", JsonNull.INSTANCE);
        subscription.add("pause_collection", JsonNull.INSTANCE);
        subscription.add("billing_schedules", new JsonArray());
        subscription.addProperty("status", trial ? "trialing" : "active");
        subscription.add("trial_start", trial ? new JsonPrimitive(now) : JsonNull.INSTANCE);
        subscription.add("trial_end", trial ? new JsonPrimitive(periodEnd) : JsonNull.INSTANCE);
        subscription.add(
                "application_fee_percent",
                subscriptionData.has("application_fee_percent")
                        ? new JsonPrimitive(
                                subscriptionData.get("application_fee_percent").getAsDouble())
                        : JsonNull.INSTANCE);
        subscription.add(
                "metadata",
                subscriptionData.has("metadata")
                        ? subscriptionData.get("metadata").deepCopy()
                        : new JsonObject());
        JsonObject item = StripeFixtures.of("subscription_item");
        item.addProperty("id", id("si_"));
        item.addProperty("subscription", subscriptionId);
        item.add("price", price.deepCopy());
        item.remove("plan");
        item.addProperty("quantity", quantity);
        item.addProperty("created", now);
        item.addProperty("current_period_start", now);
        item.addProperty("current_period_end", periodEnd);
        item.add("metadata", new JsonObject());
        subscription.add("items", list(one(item), false, "/v1/subscription_items?subscription=" + subscriptionId));
        save(scope, subscription);

        long amount = trial ? 0 : price.get("unit_amount").getAsLong() * quantity;
        if (!trial && session.get("amount_total") != null) {
            amount = session.get("amount_total").getAsLong();
        }
        JsonObject invoice = invoice(scope, subscription, customer, "subscription_create", now, periodEnd, amount);
        subscription.addProperty("latest_invoice", string(invoice, "id"));
        session.addProperty("subscription", subscriptionId);
        session.addProperty("invoice", string(invoice, "id"));
        session.addProperty("payment_status", trial ? "no_payment_required" : "paid");

        emit(scope, "customer.created", customer);
        JsonObject charge = amount > 0 ? payInvoice(scope, invoice, subscription, customer) : null;
        emit(scope, "customer.subscription.created", subscription);
        emit(scope, "invoice.created", invoice);
        emit(scope, "invoice.finalized", invoice);
        if (charge != null) {
            emit(scope, "charge.succeeded", charge);
            emit(scope, "payment_intent.succeeded", get(scope, "payment_intent", string(charge, "payment_intent")));
        }
        emit(scope, "invoice.paid", invoice);
        emit(scope, "invoice.payment_succeeded", invoice);
    }

    synchronized JsonObject createCustomer(String scope, String email, String name) {
        JsonObject customer = StripeFixtures.of("customer");
        customer.addProperty("id", id("cus_", 14));
        customer.addProperty("email", email);
        customer.addProperty("name", name);
        customer.addProperty("created", now());
        customer.add("discount", JsonNull.INSTANCE);
        customer.addProperty("invoice_prefix", id("", 8).toUpperCase());
        return save(scope, customer);
    }

    private JsonObject invoice(
            String scope,
            JsonObject subscription,
            JsonObject customer,
            String billingReason,
            long periodStart,
            long periodEnd,
            long amount) {
        JsonObject invoice = StripeFixtures.of("invoice");
        String id = id("in_");
        long now = now();
        invoice.addProperty("id", id);
        invoice.addProperty("created", now);
        invoice.addProperty("customer", string(customer, "id"));
        invoice.addProperty("customer_email", string(customer, "email"));
        invoice.addProperty("customer_name", string(customer, "name"));
        invoice.addProperty("currency", string(subscription, "currency"));
        invoice.addProperty("billing_reason", billingReason);
        invoice.addProperty("amount_due", amount);
        invoice.addProperty("amount_paid", 0);
        invoice.addProperty("amount_remaining", amount);
        invoice.addProperty("amount_overpaid", 0);
        invoice.addProperty("subtotal", amount);
        invoice.addProperty("subtotal_excluding_tax", amount);
        invoice.addProperty("total", amount);
        invoice.addProperty("total_excluding_tax", amount);
        invoice.addProperty("period_start", periodStart);
        invoice.addProperty("period_end", periodEnd);
        invoice.addProperty("status", "open");
        invoice.addProperty(
                "number", string(customer, "invoice_prefix") + "-" + String.format("%04d", sequence % 10000));
        invoice.addProperty("hosted_invoice_url", baseUrl + "/invoices/" + id);
        invoice.add("due_date", JsonNull.INSTANCE);
        invoice.add("next_payment_attempt", JsonNull.INSTANCE);
        invoice.add("last_finalization_error", JsonNull.INSTANCE);
        invoice.add("from_invoice", JsonNull.INSTANCE);
        invoice.add("shipping_cost", JsonNull.INSTANCE);
        invoice.add("shipping_details", JsonNull.INSTANCE);
        invoice.addProperty("effective_at", now);
        invoice.addProperty("subscription", string(subscription, "id"));
        invoice.add("metadata", new JsonObject());
        JsonObject parent = new JsonObject();
        parent.add("quote_details", JsonNull.INSTANCE);
        JsonObject details = new JsonObject();
        details.add("metadata", subscription.get("metadata").deepCopy());
        details.addProperty("subscription", string(subscription, "id"));
        parent.add("subscription_details", details);
        parent.addProperty("type", "subscription_details");
        invoice.add("parent", parent);
        JsonObject transitions = invoice.getAsJsonObject("status_transitions");
        transitions.addProperty("finalized_at", now);
        JsonObject subscriptionItem = subscription
                .getAsJsonObject("items")
                .getAsJsonArray("data")
                .get(0)
                .getAsJsonObject();
        JsonObject line = StripeFixtures.of("line_item");
        line.addProperty("id", id("il_"));
        line.addProperty("invoice", id);
        line.addProperty("amount", amount);
        line.addProperty("subtotal", amount);
        line.addProperty("currency", string(subscription, "currency"));
        line.addProperty("quantity", subscriptionItem.get("quantity").getAsLong());
        line.addProperty("subscription", string(subscription, "id"));
        line.addProperty(
                "description",
                subscriptionItem.get("quantity").getAsLong() + " × subscription"
                        + (billingReason.equals("subscription_create") ? "" : " (renewal)"));
        JsonObject period = new JsonObject();
        period.addProperty("start", periodStart);
        period.addProperty("end", periodEnd);
        line.add("period", period);
        invoice.add("lines", list(one(line), false, "/v1/invoices/" + id + "/lines"));
        if (amount == 0) {
            invoice.addProperty("status", "paid");
            transitions.addProperty("paid_at", now);
        }
        return save(scope, invoice);
    }

    /** Collects an invoice by card: payment intent + charge with the subscription's platform fee. */
    private JsonObject payInvoice(String scope, JsonObject invoice, JsonObject subscription, JsonObject customer) {
        long amount = invoice.get("amount_due").getAsLong();
        JsonObject session = new JsonObject();
        session.addProperty("currency", string(invoice, "currency"));
        session.addProperty("customer", string(customer, "id"));
        JsonObject data = new JsonObject();
        data.add("metadata", subscription.get("metadata").deepCopy());
        JsonElement percent = subscription.get("application_fee_percent");
        if (percent != null && !percent.isJsonNull()) {
            data.addProperty("application_fee_amount", Math.round(amount * percent.getAsDouble() / 100.0));
        }
        data.addProperty("description", "Subscription update");
        session.add("_payment_intent_data", data);
        JsonObject intent = paymentIntent(scope, session, amount, string(customer, "email"));
        JsonObject charge = charge(scope, intent, string(customer, "email"), string(customer, "name"));
        invoice.addProperty("status", "paid");
        invoice.addProperty("amount_paid", amount);
        invoice.addProperty("amount_remaining", 0);
        invoice.addProperty("attempted", true);
        invoice.addProperty("attempt_count", 1);
        invoice.getAsJsonObject("status_transitions").addProperty("paid_at", now());
        JsonObject payment = StripeFixtures.of("invoice_payment");
        payment.addProperty("id", id("inpay_"));
        payment.addProperty("invoice", string(invoice, "id"));
        payment.addProperty("amount_paid", amount);
        payment.addProperty("amount_requested", amount);
        payment.addProperty("currency", string(invoice, "currency"));
        payment.addProperty("status", "paid");
        payment.addProperty("is_default", true);
        payment.addProperty("created", now());
        JsonObject paymentRef = new JsonObject();
        paymentRef.addProperty("type", "payment_intent");
        paymentRef.addProperty("payment_intent", string(intent, "id"));
        payment.add("payment", paymentRef);
        invoice.add("payments", list(one(payment), false, "/v1/invoice_payments"));
        return charge;
    }

    static long addInterval(long from, JsonObject recurring) {
        String interval = recurring.get("interval").getAsString();
        long count = recurring.get("interval_count").getAsLong();
        ZonedDateTime start = Instant.ofEpochSecond(from).atZone(ZoneOffset.UTC);
        ZonedDateTime end =
                switch (interval) {
                    case "day" -> start.plusDays(count);
                    case "week" -> start.plusWeeks(count);
                    case "year" -> start.plusYears(count);
                    default -> start.plusMonths(count);
                };
        return end.toEpochSecond();
    }

    private static JsonObject item(JsonObject subscription) {
        return subscription
                .getAsJsonObject("items")
                .getAsJsonArray("data")
                .get(0)
                .getAsJsonObject();
    }

    private static JsonObject subscriptionSnapshot(JsonObject subscription) {
        JsonObject previous = new JsonObject();
        previous.add("status", subscription.get("status"));
        previous.add("cancel_at_period_end", subscription.get("cancel_at_period_end"));
        previous.add("cancel_at", subscription.get("cancel_at"));
        previous.add("latest_invoice", subscription.get("latest_invoice"));
        return previous;
    }

    /** The next billing period is charged now (as when the period ends). */
    synchronized JsonObject renew(String scope, String subscriptionId) {
        return nextPeriod(scope, subscriptionId, true);
    }

    /** The next renewal's card payment is refused: invoice.payment_failed, subscription past due. */
    synchronized JsonObject failRenewal(String scope, String subscriptionId) {
        return nextPeriod(scope, subscriptionId, false);
    }

    private JsonObject nextPeriod(String scope, String subscriptionId, boolean paid) {
        JsonObject subscription = get(scope, "subscription", subscriptionId);
        String status = string(subscription, "status");
        if ("canceled".equals(status) || "incomplete_expired".equals(status)) {
            throw new IllegalStateException("Subscription " + subscriptionId + " is " + status);
        }
        JsonObject previous = subscriptionSnapshot(subscription);
        JsonObject item = item(subscription);
        JsonObject price = item.getAsJsonObject("price");
        JsonObject customer = get(scope, "customer", string(subscription, "customer"));
        long start = item.get("current_period_end").getAsLong();
        if (!paid && "past_due".equals(status)) {
            start = item.get("current_period_start").getAsLong();
        }
        long end = addInterval(start, price.getAsJsonObject("recurring"));
        long amount =
                price.get("unit_amount").getAsLong() * item.get("quantity").getAsLong();
        JsonObject invoice = invoice(scope, subscription, customer, "subscription_cycle", start, end, amount);
        subscription.addProperty("latest_invoice", string(invoice, "id"));
        emit(scope, "invoice.created", invoice);
        emit(scope, "invoice.finalized", invoice);
        if (paid) {
            JsonObject charge = payInvoice(scope, invoice, subscription, customer);
            item.addProperty("current_period_start", start);
            item.addProperty("current_period_end", end);
            previous.add("items", subscription.get("items").deepCopy());
            subscription.addProperty("status", "active");
            if (subscription.get("cancel_at_period_end").getAsBoolean()) {
                subscription.addProperty("cancel_at", end);
            }
            emit(scope, "charge.succeeded", charge);
            emit(scope, "payment_intent.succeeded", get(scope, "payment_intent", string(charge, "payment_intent")));
            emit(scope, "invoice.paid", invoice);
            emit(scope, "invoice.payment_succeeded", invoice);
        } else {
            invoice.addProperty("attempted", true);
            invoice.addProperty("attempt_count", 1);
            invoice.addProperty("next_payment_attempt", now() + 3 * 86_400);
            subscription.addProperty("status", "past_due");
            emit(scope, "invoice.payment_failed", invoice);
        }
        emit(scope, "customer.subscription.updated", subscription, previous);
        return subscription;
    }

    /** Ends the subscription now: customer.subscription.deleted. */
    synchronized JsonObject cancelNow(String scope, String subscriptionId) {
        JsonObject subscription = get(scope, "subscription", subscriptionId);
        if ("canceled".equals(string(subscription, "status"))) {
            throw StripeError.invalid(
                    "resource_missing", "No such subscription: '" + subscriptionId + "' (it is canceled)", "id");
        }
        long now = now();
        subscription.addProperty("status", "canceled");
        subscription.addProperty("canceled_at", now);
        subscription.addProperty("ended_at", now);
        subscription.getAsJsonObject("cancellation_details").addProperty("reason", "cancellation_requested");
        emit(scope, "customer.subscription.deleted", subscription);
        return subscription;
    }

    /** Cancels (or resumes) at the end of the paid period: customer.subscription.updated. */
    synchronized JsonObject cancelAtPeriodEnd(String scope, String subscriptionId, boolean cancel) {
        JsonObject subscription = get(scope, "subscription", subscriptionId);
        JsonObject previous = subscriptionSnapshot(subscription);
        subscription.addProperty("cancel_at_period_end", cancel);
        if (cancel) {
            subscription.addProperty(
                    "cancel_at", item(subscription).get("current_period_end").getAsLong());
            subscription.addProperty("canceled_at", now());
            subscription.getAsJsonObject("cancellation_details").addProperty("reason", "cancellation_requested");
        } else {
            subscription.add("cancel_at", JsonNull.INSTANCE);
            subscription.add("canceled_at", JsonNull.INSTANCE);
            subscription.getAsJsonObject("cancellation_details").add("reason", JsonNull.INSTANCE);
        }
        emit(scope, "customer.subscription.updated", subscription, previous);
        return subscription;
    }

    // ---- refunds and disputes ------------------------------------------------------------------

    synchronized JsonObject refund(
            String scope, JsonObject charge, Long requested, String reason, JsonObject metadata) {
        long amount = charge.get("amount").getAsLong();
        long refunded = charge.get("amount_refunded").getAsLong();
        long remaining = amount - refunded;
        if (remaining <= 0) {
            throw StripeError.invalid(
                    "charge_already_refunded", "Charge " + string(charge, "id") + " has already been refunded.", null);
        }
        long refundAmount = requested == null ? remaining : requested;
        if (refundAmount <= 0 || refundAmount > remaining) {
            throw StripeError.invalid(
                    "Refund amount (" + refundAmount + ") is greater than unrefunded amount on charge (" + remaining
                            + ")",
                    "amount");
        }
        JsonObject refund = StripeFixtures.of("refund");
        refund.addProperty("id", id("re_"));
        refund.addProperty("amount", refundAmount);
        refund.addProperty("charge", string(charge, "id"));
        refund.addProperty("payment_intent", string(charge, "payment_intent"));
        refund.addProperty("currency", string(charge, "currency"));
        refund.addProperty("created", now());
        refund.addProperty("status", "succeeded");
        refund.addProperty("balance_transaction", id("txn_"));
        refund.add("reason", reason == null ? JsonNull.INSTANCE : new JsonPrimitive(reason));
        refund.add("metadata", metadata == null ? new JsonObject() : metadata);
        save(scope, refund);
        JsonObject previous = new JsonObject();
        previous.addProperty("amount_refunded", refunded);
        previous.addProperty("refunded", charge.get("refunded").getAsBoolean());
        charge.addProperty("amount_refunded", refunded + refundAmount);
        charge.addProperty("refunded", refunded + refundAmount == amount);
        JsonObject refunds = charge.getAsJsonObject("refunds");
        JsonArray data = refunds.getAsJsonArray("data");
        JsonArray newest = new JsonArray();
        newest.add(refund.deepCopy());
        newest.addAll(data);
        refunds.add("data", newest);
        refunds.addProperty("total_count", newest.size());
        emit(scope, "refund.created", refund);
        emit(scope, "charge.refunded", charge, previous);
        return refund;
    }

    synchronized JsonObject openDispute(String scope, String chargeId) {
        JsonObject charge = get(scope, "charge", chargeId);
        if (charge.get("disputed").getAsBoolean()) {
            throw new IllegalStateException("Charge " + chargeId + " is already disputed");
        }
        JsonObject dispute = StripeFixtures.of("dispute");
        dispute.addProperty("id", id("dp_"));
        dispute.addProperty(
                "amount",
                charge.get("amount").getAsLong() - charge.get("amount_refunded").getAsLong());
        dispute.addProperty("currency", string(charge, "currency"));
        dispute.addProperty("charge", chargeId);
        dispute.addProperty("payment_intent", string(charge, "payment_intent"));
        dispute.addProperty("created", now());
        dispute.addProperty("reason", "fraudulent");
        dispute.addProperty("status", "needs_response");
        dispute.addProperty("is_charge_refundable", false);
        dispute.getAsJsonObject("evidence_details").addProperty("due_by", now() + 7 * 86_400);
        dispute.add("metadata", new JsonObject());
        save(scope, dispute);
        charge.addProperty("disputed", true);
        emit(scope, "charge.dispute.created", dispute);
        return dispute;
    }

    synchronized JsonObject closeDispute(String scope, String disputeId, boolean won) {
        JsonObject dispute = get(scope, "dispute", disputeId);
        JsonObject previous = new JsonObject();
        previous.add("status", dispute.get("status"));
        dispute.addProperty("status", won ? "won" : "lost");
        emit(scope, "charge.dispute.closed", dispute, previous);
        return dispute;
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** A copy without the sandbox's own bookkeeping fields (those starting with "_"). */
    static JsonObject publicView(JsonObject object) {
        JsonObject copy = object.deepCopy();
        copy.keySet().removeIf(k -> k.startsWith("_"));
        return copy;
    }

    static JsonObject list(JsonArray data, boolean hasMore, String url) {
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        list.add("data", data);
        list.addProperty("has_more", hasMore);
        list.addProperty("url", url);
        return list;
    }

    static JsonArray one(JsonObject element) {
        JsonArray array = new JsonArray();
        array.add(element);
        return array;
    }

    static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    static Boolean bool(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value == null || value.isJsonNull() ? null : value.getAsBoolean();
    }

    static boolean same(String a, String b) {
        return Objects.equals(a, b);
    }
}
