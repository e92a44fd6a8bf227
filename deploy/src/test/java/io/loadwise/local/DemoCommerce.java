package io.loadwise.local;

import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.catalog.Product;
import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.catalog.PromotionCodeDraft;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.connect.StripeUnavailableException;
import io.loadwise.catalog.OfferKind;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.ActingAs;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

/**
 * Commerce for the demo: Stride sells. Ruth uploads the two guides' PDFs, connects Stride's Stripe
 * account and — in the Stripe sandbox — completes onboarding on the sandbox's onboarding page as
 * she would in a browser; Stripe enables charges, and the catalog (Tendon Health Guide, the mini
 * guide, the custom training plan, 1:1 coaching monthly with a 7-day trial) is synced to products
 * and prices on her account; WELCOME10 gives 10 % off. All through the real services. Harbour is
 * left without a Stripe account: a business that cannot sell yet. Idempotent.
 */
final class DemoCommerce {

    static final String WELCOME_CODE = "WELCOME10";

    private static final Logger log = LoggerFactory.getLogger(DemoCommerce.class);

    private DemoCommerce() {}

    static void seed(ApplicationContext app) {
        PaymentAccountService accounts = app.getBean(PaymentAccountService.class);
        ProductService catalog = app.getBean(ProductService.class);
        StripeProperties stripe = app.getBean(StripeProperties.class);
        TenantId stride = DemoData.STRIDE;
        UUID ruth = DemoData.userId(1);
        ActingAs.run(app, ruth, stride, Role.COACH, () -> {
            for (Product product : catalog.products()) {
                if (product.kind() == OfferKind.GUIDE && !product.hasGuideFile()) {
                    uploadGuide(catalog, product);
                }
            }
            try {
                if (!accounts.current().canSell()) {
                    URI settings = stripe.publicUrl().resolve("/coach/settings/payments");
                    URI link = accounts.startOnboarding(
                            URI.create(settings + "?onboarding=returned"),
                            URI.create(settings + "?onboarding=expired"));
                    if (stripe.sandbox()) {
                        completeOnSandboxPage(link);
                    } else {
                        log.info("Finish Stride's Stripe onboarding with test data at {}", link);
                    }
                    // What account.updated also does; enabling charges syncs the catalog.
                    accounts.refresh();
                }
                if (catalog.promotionCodes().stream()
                        .noneMatch(code -> code.code().equals(WELCOME_CODE))) {
                    catalog.createPromotionCode(new PromotionCodeDraft(WELCOME_CODE, 10, null, null, null));
                }
                catalog.syncNow();
            } catch (StripeUnavailableException e) {
                log.warn("Stride's catalog is saved but not on Stripe yet: {}", e.getMessage());
            }
        });
    }

    private static void uploadGuide(ProductService catalog, Product guide) {
        if (guide.title().startsWith("Tendon Health")) {
            catalog.uploadGuide(guide.id(), "tendon-health-guide.pdf", TendonGuidePdf.tendonHealthGuide());
        } else if (guide.title().startsWith("Hamstring Mini")) {
            catalog.uploadGuide(guide.id(), "hamstring-mini-tendon-guide.pdf", TendonGuidePdf.hamstringMiniGuide());
        }
    }

    /** Ruth presses "Complete onboarding" on the sandbox's onboarding page (the account link). */
    private static void completeOnSandboxPage(URI link) {
        String returnUrl = query(link, "return_url");
        URI page = URI.create(link.getScheme() + "://" + link.getRawAuthority() + link.getRawPath());
        HttpRequest submit = HttpRequest.newBuilder(page)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "return_url=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8)))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(submit, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 400) {
                throw new IllegalStateException(
                        "The sandbox refused onboarding at " + page + ": " + answer.statusCode() + " " + answer.body());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The Stripe sandbox's onboarding page did not answer at " + page, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while completing onboarding", e);
        }
    }

    private static String query(URI link, String name) {
        String raw = link.getRawQuery() == null ? "" : link.getRawQuery();
        for (String pair : raw.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return link.toString();
    }
}
