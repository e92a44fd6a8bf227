package io.loadwise.billing.sandbox;

import static io.loadwise.billing.sandbox.SandboxStore.PLATFORM;
import static io.loadwise.billing.sandbox.SandboxStore.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pages a person sees instead of Stripe's: checkout, Connect onboarding, customer portal and a
 * dashboard to cause what banks and buyers cause (disputes, renewals, failed payments). Plain HTML,
 * labelled as a sandbox everywhere.
 */
final class SandboxPages {

    static final String LABEL = "Stripe sandbox — test mode, no real money";
    private static final Set<String> ZERO_DECIMAL = Set.of("jpy", "krw", "vnd", "clp", "isk", "huf", "twd", "ugx");

    private final SandboxStore store;

    SandboxPages(SandboxStore store) {
        this.store = store;
    }

    SandboxResponse handle(String method, String path, String query, String body) {
        try {
            StripeForm form = StripeForm.parse("POST".equals(method) ? body : query);
            List<String> p = List.of(path.replaceAll("^/+|/+$", "").split("/"));
            String first = p.get(0);
            if ("GET".equals(method) && (first.isEmpty() || "dashboard".equals(first))) {
                return dashboard();
            }
            if ("checkout".equals(first) && p.size() >= 2) {
                return checkout(method, p.get(1), p.size() > 2 ? p.get(2) : null, form);
            }
            if ("connect".equals(first) && p.size() >= 3 && "onboarding".equals(p.get(1))) {
                return onboarding(method, p.get(2), form, query);
            }
            if ("portal".equals(first) && p.size() >= 2) {
                return portal(method, p.get(1), p.size() > 2 ? p.get(2) : null, form);
            }
            if ("dashboard".equals(first) && "POST".equals(method) && p.size() == 2) {
                return dashboardAction(p.get(1), form);
            }
            if (("receipts".equals(first) || "invoices".equals(first)) && p.size() == 2) {
                JsonObject object = store.find(store.scopeOf(p.get(1)), p.get(1));
                return page(
                        "Document " + p.get(1),
                        "<pre>" + escape(SandboxStore.publicView(object).toString()) + "</pre>");
            }
            return page("Not found", "<p>The Stripe sandbox has no page at " + escape(path) + ".</p>", 404);
        } catch (StripeError | IllegalArgumentException | IllegalStateException e) {
            return page(
                    "Cannot do that",
                    "<p class=error>" + escape(e.getMessage()) + "</p><p><a href=/>Dashboard</a></p>",
                    400);
        }
    }

    // ---- checkout ------------------------------------------------------------------------------

    private SandboxResponse checkout(String method, String sessionId, String action, StripeForm form) {
        String scope = store.scopeOf(sessionId);
        JsonObject session = store.get(scope, "checkout.session", sessionId);
        if ("POST".equals(method) && "pay".equals(action)) {
            String email = form.require("email");
            String name = form.string("name", "");
            String how = form.string("method", "card");
            try {
                store.payCheckout(
                        scope,
                        sessionId,
                        email,
                        name,
                        form.string("promotion_code"),
                        "delayed".equals(how) ? SandboxStore.PaymentOutcome.DELAYED : SandboxStore.PaymentOutcome.PAID);
            } catch (IllegalArgumentException e) {
                return checkoutPage(scope, session, e.getMessage());
            }
            return SandboxResponse.redirect(successUrl(session));
        }
        if ("POST".equals(method) && "decline".equals(action)) {
            store.declineCheckout(scope, sessionId, form.string("email"));
            return checkoutPage(scope, session, "Your card was declined. Try again, or go back to the shop.");
        }
        if ("cancel".equals(action)) {
            String cancelUrl = string(session, "cancel_url");
            return cancelUrl == null ? dashboard() : SandboxResponse.redirect(cancelUrl);
        }
        return checkoutPage(scope, session, null);
    }

    static String successUrl(JsonObject session) {
        return string(session, "success_url").replace("{CHECKOUT_SESSION_ID}", string(session, "id"));
    }

    private SandboxResponse checkoutPage(String scope, JsonObject session, String message) {
        String id = string(session, "id");
        StringBuilder html = new StringBuilder();
        JsonObject account = PLATFORM.equals(scope) ? null : store.find(PLATFORM, scope);
        String seller = account == null ? "the platform" : profileName(account);
        html.append("<p>Paying <b>").append(escape(seller)).append("</b></p>");
        if (message != null) {
            html.append("<p class=error>").append(escape(message)).append("</p>");
        }
        html.append("<table>");
        for (JsonElement element : store.lineItems(id)) {
            JsonObject item = element.getAsJsonObject();
            JsonObject price = item.getAsJsonObject("price");
            html.append("<tr><td>")
                    .append(escape(string(item, "description")))
                    .append(" × ")
                    .append(item.get("quantity").getAsLong())
                    .append("</td><td>")
                    .append(money(item.get("amount_total").getAsLong(), string(item, "currency")));
            if (price.get("recurring") != null && price.get("recurring").isJsonObject()) {
                JsonObject recurring = price.getAsJsonObject("recurring");
                html.append(" every ")
                        .append(
                                recurring.get("interval_count").getAsLong() == 1
                                        ? ""
                                        : recurring.get("interval_count").getAsLong() + " ")
                        .append(escape(recurring.get("interval").getAsString()));
            }
            html.append("</td></tr>");
        }
        long discount =
                session.getAsJsonObject("total_details").get("amount_discount").getAsLong();
        if (discount > 0) {
            html.append("<tr><td>Discount</td><td>−")
                    .append(money(discount, string(session, "currency")))
                    .append("</td></tr>");
        }
        html.append("<tr><th>Total today</th><th>");
        JsonObject subscriptionData = session.getAsJsonObject("_subscription_data");
        boolean trial = subscriptionData != null
                && subscriptionData.has("trial_period_days")
                && subscriptionData.get("trial_period_days").getAsLong() > 0;
        html.append(
                trial
                        ? money(0, string(session, "currency"))
                        : money(session.get("amount_total").getAsLong(), string(session, "currency")));
        html.append("</th></tr></table>");
        if (trial) {
            html.append("<p>Includes a free trial of ")
                    .append(subscriptionData.get("trial_period_days").getAsLong())
                    .append(" days; the first payment is taken when it ends.</p>");
        }
        if (!"open".equals(string(session, "status"))) {
            html.append("<p>This checkout is ")
                    .append(escape(string(session, "status")))
                    .append(".</p>");
            return page("Checkout", html.toString());
        }
        String email = string(session, "customer_email");
        html.append("<form method=post action='/checkout/")
                .append(id)
                .append("/pay'>")
                .append("<label>Email <input name=email type=email required value='")
                .append(escape(email == null ? "" : email))
                .append("'></label><label>Name on card <input name=name required></label>")
                .append("<label>Card <input value='4242 4242 4242 4242' disabled></label>");
        if (Boolean.TRUE.equals(SandboxStore.bool(session, "allow_promotion_codes"))) {
            html.append("<label>Promotion code <input name=promotion_code></label>");
        }
        html.append("<button name=method value=card>Pay</button> ");
        if (!"subscription".equals(string(session, "mode"))) {
            html.append("<button name=method value=delayed>Pay with delayed method (bank transfer)</button> ")
                    .append("<button formaction='/checkout/")
                    .append(id)
                    .append("/decline' formnovalidate>Decline (card refused)</button>");
        }
        html.append("</form><p><a href='/checkout/").append(id).append("/cancel'>← Back to the shop</a></p>");
        return page("Checkout", html.toString());
    }

    // ---- onboarding ----------------------------------------------------------------------------

    private SandboxResponse onboarding(String method, String accountId, StripeForm form, String query) {
        JsonObject account = store.get(PLATFORM, "account", accountId);
        if ("POST".equals(method)) {
            store.completeOnboarding(accountId);
            return SandboxResponse.redirect(form.require("return_url"));
        }
        String returnUrl = form.require("return_url");
        String html = "<p>Set up payments for <b>" + escape(profileName(account)) + "</b> (" + escape(accountId)
                + "). Stripe would ask for identity, bank account and business details here; the sandbox"
                + " fills in test data.</p><form method=post><input type=hidden name=return_url value='"
                + escape(returnUrl) + "'><button>Complete onboarding</button></form><p><a href='"
                + escape(form.string("refresh_url", returnUrl)) + "'>Not now</a></p>";
        return page("Connect onboarding", html);
    }

    // ---- customer portal -----------------------------------------------------------------------

    private SandboxResponse portal(String method, String portalSessionId, String action, StripeForm form) {
        String scope = store.scopeOf(portalSessionId);
        JsonObject portal = store.get(scope, "billing_portal.session", portalSessionId);
        if ("POST".equals(method) && "cancel".equals(action)) {
            String subscriptionId = form.require("subscription");
            JsonObject subscription = store.get(scope, "subscription", subscriptionId);
            if (!string(subscription, "customer").equals(string(portal, "customer"))) {
                throw new IllegalArgumentException("Not this customer's subscription");
            }
            switch (form.string("when", "period_end")) {
                case "now" -> store.cancelNow(scope, subscriptionId);
                case "resume" -> store.cancelAtPeriodEnd(scope, subscriptionId, false);
                default -> store.cancelAtPeriodEnd(scope, subscriptionId, true);
            }
            return SandboxResponse.redirect("/portal/" + portalSessionId);
        }
        String customerId = string(portal, "customer");
        JsonObject customer = store.get(scope, "customer", customerId);
        StringBuilder html = new StringBuilder("<p>Subscriptions of <b>")
                .append(escape(string(customer, "email")))
                .append("</b></p><table><tr><th>Subscription</th><th>Status</th><th>Paid until</th><th></th></tr>");
        for (JsonObject subscription :
                store.all(scope, "subscription", s -> customerId.equals(string(s, "customer")))) {
            String id = string(subscription, "id");
            html.append("<tr><td>")
                    .append(escape(id))
                    .append("</td><td>")
                    .append(escape(string(subscription, "status")))
                    .append(subscription.get("cancel_at_period_end").getAsBoolean() ? " (ends at period end)" : "")
                    .append("</td><td>")
                    .append(date(periodEnd(subscription)))
                    .append("</td><td>");
            if (!"canceled".equals(string(subscription, "status"))) {
                html.append("<form method=post action='/portal/")
                        .append(portalSessionId)
                        .append("/cancel'>")
                        .append("<input type=hidden name=subscription value='")
                        .append(id)
                        .append("'>");
                if (subscription.get("cancel_at_period_end").getAsBoolean()) {
                    html.append("<button name=when value=resume>Keep subscription</button> ");
                } else {
                    html.append("<button name=when value=period_end>Cancel at period end</button> ");
                }
                html.append("<button name=when value=now>Cancel now</button></form>");
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
        String returnUrl = string(portal, "return_url");
        if (returnUrl != null) {
            html.append("<p><a href='").append(escape(returnUrl)).append("'>← Back</a></p>");
        }
        return page("Customer portal", html.toString());
    }

    // ---- dashboard -----------------------------------------------------------------------------

    private SandboxResponse dashboardAction(String action, StripeForm form) {
        String scope = form.string("account", PLATFORM);
        switch (action) {
            case "onboard" -> store.completeOnboarding(form.require("account"));
            case "dispute" -> store.openDispute(scope, form.require("charge"));
            case "close-dispute" ->
                store.closeDispute(scope, form.require("dispute"), Boolean.TRUE.equals(form.flag("won")));
            case "renew" -> store.renew(scope, form.require("subscription"));
            case "fail-renewal" -> store.failRenewal(scope, form.require("subscription"));
            case "cancel" -> store.cancelNow(scope, form.require("subscription"));
            case "settle" ->
                store.settleAsyncPayment(scope, form.require("session"), Boolean.TRUE.equals(form.flag("succeeded")));
            default -> throw new IllegalArgumentException("Unknown action " + action);
        }
        return SandboxResponse.redirect("/");
    }

    private SandboxResponse dashboard() {
        StringBuilder html = new StringBuilder(
                "<p>Everything the platform did against Stripe, and buttons for what buyers and banks do.</p>");
        html.append(
                "<h2>Connected accounts</h2><table><tr><th>Account</th><th>Business</th><th>Charges</th><th></th></tr>");
        for (Map.Entry<String, JsonObject> entry : store.everywhere("account")) {
            JsonObject account = entry.getValue();
            String id = string(account, "id");
            html.append("<tr><td>")
                    .append(escape(id))
                    .append("</td><td>")
                    .append(escape(profileName(account)))
                    .append("</td><td>")
                    .append(account.get("charges_enabled").getAsBoolean() ? "enabled" : "not yet")
                    .append("</td><td>");
            if (!account.get("charges_enabled").getAsBoolean()) {
                html.append(button("onboard", "Complete onboarding", Map.of("account", id)));
            }
            html.append("</td></tr>");
        }
        html.append("</table><h2>Payments</h2><table><tr><th>Charge</th><th>Account</th><th>Amount</th>"
                + "<th>Fee</th><th>Refunded</th><th>Buyer</th><th></th></tr>");
        for (Map.Entry<String, JsonObject> entry : store.everywhere("charge")) {
            JsonObject charge = entry.getValue();
            String id = string(charge, "id");
            String scope = entry.getKey();
            html.append("<tr><td>")
                    .append(escape(id))
                    .append("</td><td>")
                    .append(escape(scope))
                    .append("</td><td>")
                    .append(money(charge.get("amount").getAsLong(), string(charge, "currency")))
                    .append("</td><td>")
                    .append(
                            charge.get("application_fee_amount").isJsonNull()
                                    ? "–"
                                    : money(
                                            charge.get("application_fee_amount").getAsLong(),
                                            string(charge, "currency")))
                    .append("</td><td>")
                    .append(money(charge.get("amount_refunded").getAsLong(), string(charge, "currency")))
                    .append("</td><td>")
                    .append(escape(string(charge, "receipt_email")))
                    .append("</td><td>");
            if (!charge.get("disputed").getAsBoolean()) {
                html.append(button("dispute", "Dispute (buyer's bank)", Map.of("account", scope, "charge", id)));
            }
            html.append("</td></tr>");
        }
        html.append("</table><h2>Disputes</h2><table><tr><th>Dispute</th><th>Charge</th><th>Status</th><th></th></tr>");
        for (Map.Entry<String, JsonObject> entry : store.everywhere("dispute")) {
            JsonObject dispute = entry.getValue();
            String id = string(dispute, "id");
            String status = string(dispute, "status");
            html.append("<tr><td>")
                    .append(escape(id))
                    .append("</td><td>")
                    .append(escape(string(dispute, "charge")))
                    .append("</td><td>")
                    .append(escape(status))
                    .append("</td><td>");
            if (!"won".equals(status) && !"lost".equals(status)) {
                html.append(button(
                                "close-dispute",
                                "Close: won",
                                Map.of("account", entry.getKey(), "dispute", id, "won", "true")))
                        .append(button(
                                "close-dispute",
                                "Close: lost",
                                Map.of("account", entry.getKey(), "dispute", id, "won", "false")));
            }
            html.append("</td></tr>");
        }
        html.append("</table><h2>Delayed payments</h2><table><tr><th>Checkout</th><th>Amount</th><th></th></tr>");
        for (Map.Entry<String, JsonObject> entry : store.everywhere("checkout.session")) {
            JsonObject session = entry.getValue();
            if ("complete".equals(string(session, "status")) && "unpaid".equals(string(session, "payment_status"))) {
                String id = string(session, "id");
                html.append("<tr><td>")
                        .append(escape(id))
                        .append("</td><td>")
                        .append(money(session.get("amount_total").getAsLong(), string(session, "currency")))
                        .append("</td><td>")
                        .append(button(
                                "settle",
                                "Bank pays",
                                Map.of("account", entry.getKey(), "session", id, "succeeded", "true")))
                        .append(button(
                                "settle",
                                "Bank refuses",
                                Map.of("account", entry.getKey(), "session", id, "succeeded", "false")))
                        .append("</td></tr>");
            }
        }
        html.append("</table><h2>Subscriptions</h2><table><tr><th>Subscription</th><th>Account</th><th>Customer</th>"
                + "<th>Status</th><th>Period ends</th><th></th></tr>");
        for (Map.Entry<String, JsonObject> entry : store.everywhere("subscription")) {
            JsonObject subscription = entry.getValue();
            String id = string(subscription, "id");
            String scope = entry.getKey();
            JsonObject customer = store.find(scope, string(subscription, "customer"));
            html.append("<tr><td>")
                    .append(escape(id))
                    .append("</td><td>")
                    .append(escape(scope))
                    .append("</td><td>")
                    .append(escape(customer == null ? "" : string(customer, "email")))
                    .append("</td><td>")
                    .append(escape(string(subscription, "status")))
                    .append(subscription.get("cancel_at_period_end").getAsBoolean() ? " (ends at period end)" : "")
                    .append("</td><td>")
                    .append(date(periodEnd(subscription)))
                    .append("</td><td>");
            if (!"canceled".equals(string(subscription, "status"))) {
                Map<String, String> params = Map.of("account", scope, "subscription", id);
                html.append(button("renew", "Renew now", params))
                        .append(button("fail-renewal", "Fail next renewal", params))
                        .append(button("cancel", "Cancel now", params));
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
        return page("Dashboard", html.toString());
    }

    private static String button(String action, String label, Map<String, String> params) {
        StringBuilder form = new StringBuilder("<form class=inline method=post action='/dashboard/")
                .append(action)
                .append("'>");
        params.forEach((k, v) -> form.append("<input type=hidden name='")
                .append(k)
                .append("' value='")
                .append(escape(v))
                .append("'>"));
        return form.append("<button>")
                .append(escape(label))
                .append("</button></form>")
                .toString();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static long periodEnd(JsonObject subscription) {
        JsonArray items = subscription.getAsJsonObject("items").getAsJsonArray("data");
        return items.get(0).getAsJsonObject().get("current_period_end").getAsLong();
    }

    private static String profileName(JsonObject account) {
        JsonObject profile = account.getAsJsonObject("business_profile");
        String name = profile == null ? null : string(profile, "name");
        return name != null
                ? name
                : string(account, "email") != null ? string(account, "email") : string(account, "id");
    }

    static String money(long minor, String currency) {
        String code = currency == null ? "" : currency.toUpperCase(Locale.ROOT);
        if (currency != null && ZERO_DECIMAL.contains(currency)) {
            return minor + " " + code;
        }
        return BigDecimal.valueOf(minor, 2).toPlainString() + " " + code;
    }

    private static String date(long epochSeconds) {
        return Instant.ofEpochSecond(epochSeconds)
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&#39;")
                .replace("\"", "&quot;");
    }

    private static SandboxResponse page(String title, String body) {
        return page(title, body, 200);
    }

    private static SandboxResponse page(String title, String body, int status) {
        String html = "<!doctype html><html lang=en><head><meta charset=utf-8><title>" + escape(title) + " · " + LABEL
                + "</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem}"
                + ".banner{background:#fff3cd;border:1px solid #e0b000;padding:.5rem 1rem;font-weight:bold}"
                + "table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}"
                + "label{display:block;margin:.4rem 0}.error{color:#b00020}form.inline{display:inline}button{margin:.1rem}</style>"
                + "</head><body><div class=banner role=banner>" + LABEL + "</div><h1>" + escape(title) + "</h1>" + body
                + "<p><small><a href=/>Sandbox dashboard</a></small></p></body></html>";
        return SandboxResponse.html(status, html);
    }
}
