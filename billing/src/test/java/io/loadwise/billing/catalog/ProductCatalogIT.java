package io.loadwise.billing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loadwise.billing.BillingIntegrationTest;
import io.loadwise.billing.StripeStub;
import io.loadwise.catalog.Catalog;
import io.loadwise.catalog.OfferKind;
import io.loadwise.identity.Role;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.ActingAs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Coaches keep their catalog; every save lands on the business's Stripe account as a product and
 * price, and a failing Stripe never costs them their save.
 */
class ProductCatalogIT extends BillingIntegrationTest {

    @Autowired
    ProductService catalog;

    @Autowired
    Catalog storefront;

    @Test
    void a_new_product_becomes_a_product_and_a_recurring_price_on_the_connected_account() {
        Business business = business("Syncing coach");
        String account = connected(business, true);

        Product created = as(business, () -> catalog.create(coaching(19_900, "month")));

        assertThat(created.synced()).isTrue();
        assertThat(created.syncError()).isNull();
        assertThat(created.currency()).isEqualTo("USD");
        assertThat(created.version()).isZero();
        LoggedRequest product = only(on(account, "/v1/products"));
        assertThat(StripeStub.form(product))
                .containsEntry("name", "1:1 coaching")
                .containsEntry("description", "Weekly review and a plan that adapts")
                .containsEntry("metadata[loadwise_offer]", created.id().toString());
        assertThat(product.getHeader("Idempotency-Key")).isEqualTo("offer-product:" + created.id() + ":0");
        LoggedRequest price = only(on(account, "/v1/prices"));
        assertThat(StripeStub.form(price))
                .containsEntry("unit_amount", "19900")
                .containsEntry("currency", "usd")
                .containsEntry("recurring[interval]", "month")
                .containsEntry("recurring[interval_count]", "1");
        assertThat(created.stripePriceId()).startsWith("price_");
        assertThat(TenantContext.callAs(business.id(), () -> storefront.offer(created.id())))
                .get()
                .satisfies(offer -> assertThat(offer.trialDays()).isEqualTo(7));
    }

    @Test
    void a_price_change_makes_a_new_price_and_deactivates_the_old_one() {
        Business business = business("Repricing coach");
        String account = connected(business, true);
        Product created = as(business, () -> catalog.create(coaching(19_900, "month")));
        String firstPrice = created.stripePriceId();

        Product renamed =
                as(business, () -> catalog.update(created.id(), 0, withTitle(coaching(19_900, "month"), "Coaching")));
        assertThat(renamed.stripePriceId()).as("same price, same Stripe price").isEqualTo(firstPrice);
        assertThat(on(account, "/v1/prices")).hasSize(1);

        Product quarterly = as(business, () -> catalog.update(created.id(), 1, coaching(54_000, "quarter")));

        assertThat(quarterly.synced()).isTrue();
        assertThat(quarterly.stripePriceId()).isNotEqualTo(firstPrice).startsWith("price_");
        List<LoggedRequest> prices = on(account, "/v1/prices");
        assertThat(prices).hasSize(2);
        assertThat(StripeStub.form(prices.get(1)))
                .containsEntry("unit_amount", "54000")
                .containsEntry("recurring[interval]", "month")
                .containsEntry("recurring[interval_count]", "3");
        assertThat(StripeStub.form(only(on(account, "/v1/prices/" + firstPrice))))
                .containsEntry("active", "false");
        assertThat(StripeStub.form(on(account, "/v1/products/.+").getLast())).containsEntry("name", "1:1 coaching");
    }

    @Test
    void a_stale_version_is_refused_and_the_newer_save_stays() {
        Business business = business("Two editors");
        connected(business, true);
        Product created = as(business, () -> catalog.create(coaching(19_900, "month")));
        as(business, () -> catalog.update(created.id(), 0, coaching(24_900, "month")));

        assertThatThrownBy(() -> as(business, () -> catalog.update(created.id(), 0, coaching(9_900, "month"))))
                .isInstanceOf(StaleVersionException.class);

        assertThat(as(business, () -> catalog.product(created.id())).priceMinor())
                .isEqualTo(24_900);
    }

    @Test
    void archiving_stops_selling_here_and_on_stripe() {
        Business business = business("Archiving coach");
        String account = connected(business, true);
        Product created = as(business, () -> catalog.create(guide()));

        Product archived = as(business, () -> catalog.archive(created.id()));

        assertThat(archived.active()).isFalse();
        assertThat(archived.synced()).isTrue();
        assertThat(StripeStub.form(on(account, "/v1/products/.+").getLast())).containsEntry("active", "false");
        assertThat(TenantContext.callAs(business.id(), storefront::activeOffers))
                .isEmpty();
    }

    @Test
    void when_stripe_is_down_the_product_is_saved_unsynced_and_synced_later() {
        Business business = business("Outage coach");
        String account = connected(business, true);
        Product saved;
        stripe.down();
        try {
            saved = as(business, () -> catalog.create(guide()));
        } finally {
            stripe.up();
        }

        assertThat(saved.synced()).isFalse();
        assertThat(saved.syncError())
                .startsWith("Saved, not yet synced to Stripe")
                .contains("unavailable");
        assertThat(as(business, () -> catalog.product(saved.id())).title()).isEqualTo("Tendon Health Guide");
        assertThat(TenantContext.callAs(business.id(), () -> catalog.forSale(saved.id())))
                .isEmpty();

        int left = TenantContext.callAs(business.id(), catalog::syncAll);

        assertThat(left).isZero();
        Product synced = as(business, () -> catalog.product(saved.id()));
        assertThat(synced.synced()).isTrue();
        assertThat(synced.syncError()).isNull();
        assertThat(TenantContext.callAs(business.id(), () -> catalog.forSale(saved.id())))
                .get()
                .extracting(Product::stripePriceId)
                .isEqualTo(synced.stripePriceId());
        assertThat(StripeStub.form(only(on(account, "/v1/prices"))))
                .containsEntry("unit_amount", "3900")
                .doesNotContainKey("recurring[interval]");
    }

    @Test
    void without_a_stripe_account_products_are_saved_and_wait() {
        Business business = business("Not connected");

        Product saved = as(business, () -> catalog.create(guide()));

        assertThat(saved.synced()).isFalse();
        assertThat(saved.syncError()).isNull();
        assertThat(TenantContext.callAs(business.id(), catalog::syncAll)).isEqualTo(1);
    }

    @Test
    void a_guide_pdf_must_be_a_real_pdf_and_its_page_count_is_read() {
        Business business = business("Guide uploads");
        Product guide = as(business, () -> catalog.create(guide()));

        assertThatThrownBy(() -> as(
                        business,
                        () -> catalog.uploadGuide(
                                guide.id(), "guide.pdf", "just text".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UploadRejectedException.class)
                .hasMessageContaining("must be a PDF");
        byte[] truncated = java.util.Arrays.copyOf(TestFiles.pdf(3), 40);
        assertThatThrownBy(() -> as(business, () -> catalog.uploadGuide(guide.id(), "guide.pdf", truncated)))
                .isInstanceOf(UploadRejectedException.class)
                .hasMessageContaining("can't be read");
        byte[] huge = new byte[ProductService.MAX_GUIDE_BYTES + 1];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);
        assertThatThrownBy(() -> as(business, () -> catalog.uploadGuide(guide.id(), "guide.pdf", huge)))
                .isInstanceOf(UploadRejectedException.class)
                .satisfies(e ->
                        assertThat(((UploadRejectedException) e).tooLarge()).isTrue());
        assertThat(as(business, () -> catalog.product(guide.id())).hasGuideFile())
                .isFalse();

        Product uploaded =
                as(business, () -> catalog.uploadGuide(guide.id(), "C:\\Users\\ruth\\tendon.pdf", TestFiles.pdf(3)));

        assertThat(uploaded.hasGuideFile()).isTrue();
        assertThat(uploaded.pageCount()).isEqualTo(3);
        assertThat(uploaded.version()).isEqualTo(guide.version() + 1);
        assertThatThrownBy(() -> as(
                        business,
                        () -> catalog.uploadGuide(
                                as(business, () -> catalog.create(coaching(19_900, "month")))
                                        .id(),
                                "x.pdf",
                                TestFiles.pdf(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Only guides");
    }

    @Test
    void a_cover_must_be_an_image_and_storefronts_see_it_only_while_the_product_is_active() {
        Business business = business("Covers");
        Product guide = as(business, () -> catalog.create(guide()));

        assertThatThrownBy(() -> as(
                        business,
                        () -> catalog.uploadCover(
                                guide.id(), "cover.svg", "image/svg+xml", "<svg/>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UploadRejectedException.class)
                .hasMessageContaining("PNG, JPEG or WebP");
        assertThatThrownBy(() -> as(
                        business,
                        () -> catalog.uploadCover(
                                guide.id(), "big.png", "image/png", new byte[ProductService.MAX_COVER_BYTES + 1])))
                .isInstanceOf(UploadRejectedException.class);

        as(business, () -> catalog.uploadCover(guide.id(), "cover.png", "image/jpeg", TestFiles.PNG));

        assertThat(TenantContext.callAs(business.id(), () -> catalog.cover(guide.id())))
                .get()
                .satisfies(cover -> {
                    assertThat(cover.contentType()).isEqualTo("image/png");
                    assertThat(cover.content()).isEqualTo(TestFiles.PNG);
                });
        assertThat(TenantContext.callAs(business.id(), () -> storefront.offer(guide.id())))
                .get()
                .satisfies(offer -> assertThat(offer.hasCover()).isTrue());
        Business other = business("Elsewhere");
        assertThat(TenantContext.callAs(other.id(), () -> catalog.cover(guide.id())))
                .isEmpty();
        as(business, () -> catalog.archive(guide.id()));
        assertThat(TenantContext.callAs(business.id(), () -> catalog.cover(guide.id())))
                .isEmpty();
    }

    @Test
    void invalid_products_are_refused_with_every_problem_named() {
        Business business = business("Validation");
        ProductDraft bad = new ProductDraft(
                OfferKind.GUIDE, " ", "s".repeat(2001), "d".repeat(10_001), 49, "month", 7, 0, true, -1);

        assertThatThrownBy(() -> as(business, () -> catalog.create(bad)))
                .isInstanceOfSatisfying(InvalidCatalogInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly(
                                "title",
                                "summary",
                                "description",
                                "priceMinor",
                                "billingInterval",
                                "trialDays",
                                "pageCount",
                                "position"));
        assertThat(as(business, catalog::products)).isEmpty();
    }

    @Test
    void clients_and_platform_admins_do_not_edit_the_catalog() {
        Business business = business("Roles");

        assertThatThrownBy(() -> ActingAs.call(UUID.randomUUID(), business.id(), Role.CLIENT, catalog::products))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ActingAs.call(
                        UUID.randomUUID(), business.id(), Role.PLATFORM_ADMIN, () -> catalog.create(guide())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_promotion_code_becomes_a_coupon_and_code_on_stripe_until_deactivated() {
        Business business = business("Promotions");
        String account = connected(business, true);
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        PromotionCode code = as(
                business,
                () -> catalog.createPromotionCode(new PromotionCodeDraft(" welcome10 ", 10, null, 100, expiry)));

        assertThat(code.code()).isEqualTo("WELCOME10");
        assertThat(code.synced()).isTrue();
        assertThat(StripeStub.form(only(on(account, "/v1/coupons"))))
                .containsEntry("percent_off", "10")
                .containsEntry("duration", "once")
                .containsEntry("max_redemptions", "100")
                .containsEntry("redeem_by", Long.toString(expiry.getEpochSecond()));
        LoggedRequest created = only(on(account, "/v1/promotion_codes"));
        assertThat(StripeStub.form(created))
                .containsEntry("code", "WELCOME10")
                .containsEntry("promotion[type]", "coupon")
                .containsEntry("expires_at", Long.toString(expiry.getEpochSecond()));
        String stripeId = TenantContext.callAs(business.id(), () -> catalog.activePromotion("Welcome10"))
                .orElseThrow();
        assertThat(stripeId).startsWith("promo_");
        assertThat(TenantContext.callAs(business.id(), () -> catalog.activePromotion("NOPE")))
                .isEmpty();
        assertThatThrownBy(() -> as(
                        business,
                        () -> catalog.createPromotionCode(new PromotionCodeDraft("WELCOME10", null, 500L, null, null))))
                .isInstanceOf(PromotionCodeTakenException.class);

        PromotionCode amount = as(
                business,
                () -> catalog.createPromotionCode(new PromotionCodeDraft("FIVE-OFF", null, 500L, null, null)));
        assertThat(amount.currency()).isEqualTo("USD");
        assertThat(StripeStub.form(on(account, "/v1/coupons").getLast()))
                .containsEntry("amount_off", "500")
                .containsEntry("currency", "usd");

        PromotionCode stopped = as(business, () -> catalog.deactivatePromotionCode(code.id()));

        assertThat(stopped.active()).isFalse();
        assertThat(StripeStub.form(only(on(account, "/v1/promotion_codes/" + stripeId))))
                .containsEntry("active", "false");
        assertThat(TenantContext.callAs(business.id(), () -> catalog.activePromotion("WELCOME10")))
                .isEmpty();
        assertThat(as(business, catalog::promotionCodes))
                .extracting(PromotionCode::code)
                .containsExactly("FIVE-OFF", "WELCOME10");
    }

    @Test
    void invalid_promotion_codes_are_refused_with_every_problem_named() {
        Business business = business("Bad codes");

        assertThatThrownBy(() -> as(
                        business,
                        () -> catalog.createPromotionCode(new PromotionCodeDraft(
                                "no spaces!", 101, null, 0, Instant.now().minusSeconds(60)))))
                .isInstanceOfSatisfying(InvalidCatalogInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("code", "percentOff", "maxRedemptions", "expiresAt"));
        assertThatThrownBy(() -> as(
                        business,
                        () -> catalog.createPromotionCode(new PromotionCodeDraft("BOTH", 10, 100L, null, null))))
                .isInstanceOf(InvalidCatalogInputException.class)
                .hasMessageContaining("either a percentage off or an amount off");
    }

    private <T> T as(Business business, Supplier<T> work) {
        return ActingAs.call(business.coach(), business.id(), Role.COACH, work);
    }

    private List<LoggedRequest> on(String account, String path) {
        return stripe.posts(path).stream()
                .filter(r -> account.equals(r.getHeader("Stripe-Account")))
                .toList();
    }

    private static LoggedRequest only(List<LoggedRequest> requests) {
        assertThat(requests).hasSize(1);
        return requests.getFirst();
    }

    static ProductDraft coaching(long price, String interval) {
        return new ProductDraft(
                OfferKind.COACHING,
                "1:1 coaching",
                "Weekly review and a plan that adapts",
                null,
                price,
                interval,
                7,
                null,
                true,
                3);
    }

    static ProductDraft guide() {
        return new ProductDraft(
                OfferKind.GUIDE,
                "Tendon Health Guide",
                "Rehab progressions from isometrics to speed",
                "Hamstring, Achilles and patellar tendons.",
                3_900,
                null,
                null,
                null,
                true,
                1);
    }

    static ProductDraft withTitle(ProductDraft d, String title) {
        return new ProductDraft(
                d.kind(),
                title,
                d.summary(),
                d.description(),
                d.priceMinor(),
                d.billingInterval(),
                d.trialDays(),
                d.pageCount(),
                d.active(),
                d.position());
    }
}
