package io.loadwise.billing.delivery.web;

import io.loadwise.billing.delivery.internal.StampedGuides.Delivery;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The page a refused download link shows: what happened and how the rightful buyer gets a fresh
 * link. A link that is not ours says nothing about any purchase. Everything shown is escaped.
 */
final class RefusalPage {

    private final String purchasesUrl;

    RefusalPage(String purchasesUrl) {
        this.purchasesUrl = purchasesUrl;
    }

    String render(Delivery.Refused refused) {
        String business = refused.businessName();
        return switch (refused.reason()) {
            case INVALID ->
                page(
                        null,
                        "This download link is not valid",
                        "<p>The link is incomplete or was changed. Copy the whole link from your email, or get a"
                                + " fresh one from your purchases.</p>" + freshLink());
            case EXPIRED ->
                page(
                        business,
                        "This download link has expired",
                        "<p>Download links work for a short while only, so a forwarded link stops working.</p>"
                                + (refused.maskedEmail() == null
                                        ? ""
                                        : "<p>This purchase belongs to <strong>" + escape(refused.maskedEmail())
                                                + "</strong>. Sign in with that email to download it again.</p>")
                                + freshLink());
            case REVOKED ->
                page(
                        business,
                        "This guide is no longer available to download",
                        "<p>The purchase was refunded or disputed, so its download links no longer work."
                                + (business == null ? "" : " Questions? Contact " + escape(business) + ".")
                                + "</p>");
            case UNAVAILABLE ->
                page(
                        business,
                        "This guide cannot be downloaded right now",
                        "<p>Its file is missing."
                                + (business == null ? "" : " Please let " + escape(business) + " know.")
                                + "</p>");
        };
    }

    private String freshLink() {
        return "<p><a class=\"button\" href=\"" + escape(purchasesUrl)
                + "\">Sign in to your purchases for a fresh link</a></p>";
    }

    private static String page(@Nullable String business, String title, String body) {
        String brand = business == null ? "Loadwise" : business;
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s — %s</title>
                <style>
                body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f6f7f9;color:#1d232b;margin:0}
                main{max-width:32rem;margin:4rem auto;background:#fff;border-radius:12px;padding:2rem;box-shadow:0 1px 4px rgba(0,0,0,.08)}
                .brand{font-size:.875rem;color:#5b6675;letter-spacing:.02em;text-transform:uppercase}
                h1{font-size:1.375rem;margin:.5rem 0 1rem}
                .button{display:inline-block;background:#1f6feb;color:#fff;padding:.6rem 1rem;border-radius:8px;text-decoration:none}
                </style>
                </head>
                <body>
                <main>
                <div class="brand">%s</div>
                <h1>%s</h1>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), escape(brand), escape(brand), escape(title), body);
    }

    private static String escape(@Nullable String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
