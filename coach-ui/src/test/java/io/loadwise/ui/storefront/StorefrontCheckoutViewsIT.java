package io.loadwise.ui.storefront;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.loadwise.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.loadwise.catalog.OfferKind;
import io.loadwise.identity.Role;
import io.loadwise.roster.ClientStatus;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.ui.CommerceTestData;
import io.loadwise.ui.SandboxBadge;
import io.loadwise.ui.SignedIn;
import io.loadwise.ui.UiTestData;
import io.loadwise.ui.UiTestData.SeededTenant;
import io.loadwise.ui.portal.PortalPurchasesView;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The buyer's side of commerce, browserless on the real Spring context and PostgreSQL: the
 * storefront's offers and Buy buttons, the success page waiting for fulfilment, and the client's
 * purchases in her portal. Orders, entitlements and subscriptions are seeded as the webhook
 * handlers leave them.
 */
@IntegrationTest
class StorefrontCheckoutViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    @Autowired
    ApplicationContext context;

    SeededTenant stride;
    UUID guide;
    UUID coaching;

    @Nullable
    SignedIn signedIn;

    @BeforeEach
    void aBusinessWithAGuideAndCoaching() {
        stride = UiTestData.tenant("Stride Coaching", "USD", "en-US");
        guide = CommerceTestData.offer(
                stride,
                OfferKind.GUIDE,
                "Tendon Health Guide",
                2900,
                "USD",
                null,
                "Load your tendons back to health.\nWith exercise videos.",
                48,
                null,
                1,
                true);
        coaching = CommerceTestData.offer(
                stride, OfferKind.COACHING, "1:1 Coaching", 12900, "USD", "month", null, null, 14, 2, false);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() {
        if (signedIn != null) {
            signedIn.close();
        }
        MockVaadin.tearDown();
    }

    @Test
    void a_visitor_sees_each_offer_with_its_cover_details_price_and_buy_button_labelled_as_a_sandbox() {
        CommerceTestData.paymentAccount(
                stride, "acct_" + UUID.randomUUID().toString().substring(0, 8), true, 250, 30);

        UI.getCurrent().navigate("t/" + stride.slug());

        assertThat(_get(Span.class, spec -> spec.withId("sandbox-badge")).getText())
                .isEqualTo(SandboxBadge.TEXT);
        Div guideCard = _get(Div.class, spec -> spec.withId("offer-" + guide));
        assertThat(text(guideCard, "offer-title")).isEqualTo("Tendon Health Guide");
        assertThat(text(guideCard, "offer-description")).startsWith("Load your tendons back to health.");
        assertThat(text(guideCard, "offer-details")).isEqualTo("48 pages");
        assertThat(text(guideCard, "offer-price")).isEqualTo("$29.00");
        Image cover = _get(guideCard, Image.class, spec -> spec.withClasses("offer-cover"));
        assertThat(cover.getSrc()).isEqualTo("/offer-covers/" + stride.id() + "/" + guide);
        Button buyGuide = _get(Button.class, spec -> spec.withId("buy-" + guide));
        assertThat(buyGuide.getText()).isEqualTo("Buy");
        assertThat(buyGuide.isEnabled()).isTrue();

        Div coachingCard = _get(Div.class, spec -> spec.withId("offer-" + coaching));
        assertThat(text(coachingCard, "offer-details")).isEqualTo("14-day free trial");
        assertThat(text(coachingCard, "offer-price")).isEqualTo("$129.00 / month");
        _assertNone(coachingCard, Image.class, spec -> spec.withClasses("offer-cover"));
        assertThat(_get(Button.class, spec -> spec.withId("buy-" + coaching)).getText())
                .isEqualTo("Subscribe");
        assertThat(_get(TextField.class, spec -> spec.withId("promotion-code")).isVisible())
                .isTrue();
        _assertNone(Paragraph.class, spec -> spec.withId("not-selling"));
    }

    @Test
    void a_business_that_cannot_take_payments_shows_its_catalog_with_the_buttons_disabled() {
        CommerceTestData.paymentAccount(
                stride, "acct_" + UUID.randomUUID().toString().substring(0, 8), false, 0, 0);

        UI.getCurrent().navigate("t/" + stride.slug());

        assertThat(_get(Paragraph.class, spec -> spec.withId("not-selling")).getText())
                .startsWith("Not taking payments yet");
        assertThat(_find(Button.class, spec -> spec.withClasses("offer-buy")))
                .hasSize(2)
                .allSatisfy(buy -> assertThat(buy.isEnabled()).isFalse());
        _assertNone(TextField.class, spec -> spec.withId("promotion-code"));
    }

    @Test
    void a_business_without_any_payment_account_cannot_sell_either() {
        UI.getCurrent().navigate("t/" + stride.slug());

        assertThat(_get(Paragraph.class, spec -> spec.withId("not-selling")).getText())
                .contains("Not taking payments yet");
        assertThat(_get(Button.class, spec -> spec.withId("buy-" + guide)).isEnabled())
                .isFalse();
    }

    @Test
    void a_checkout_that_cannot_start_is_said_on_the_card_and_the_visitor_stays_on_the_storefront() {
        CommerceTestData.paymentAccount(
                stride, "acct_" + UUID.randomUUID().toString().substring(0, 8), true, 0, 0);
        UI.getCurrent().navigate("t/" + stride.slug());

        _get(TextField.class, spec -> spec.withId("promotion-code")).setValue("NO-SUCH-CODE");
        _click(_get(Button.class, spec -> spec.withId("buy-" + guide)));

        Div guideCard = _get(Div.class, spec -> spec.withId("offer-" + guide));
        assertThat(text(guideCard, "offer-error")).isNotBlank();
        assertThat(currentView()).isInstanceOf(StorefrontView.class);
        assertThat(_get(Button.class, spec -> spec.withId("buy-" + guide)).isEnabled())
                .isTrue();
    }

    @Test
    void the_success_page_waits_for_fulfilment_then_offers_the_download() {
        UUID client = UiTestData.client(stride, "Jess Runner", "jess@example.com", ClientStatus.ACTIVE);
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        UUID order = CommerceTestData.order(
                stride,
                guide,
                OfferKind.GUIDE,
                client,
                "jess@example.com",
                "Jess Runner",
                "pending",
                "USD",
                2900,
                0,
                100,
                session,
                Instant.now());

        thanks(session);

        assertThat(_get(Span.class, spec -> spec.withId("sandbox-badge")).getText())
                .isEqualTo(SandboxBadge.TEXT);
        assertThat(_get(Paragraph.class, spec -> spec.withId("checkout-waiting"))
                        .getText())
                .isEqualTo(CheckoutThanksView.WAITING);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(CheckoutThanksView.POLL_MILLIS);

        // What the checkout.session.completed handler does.
        TestTenants.seed(stride.id(), db -> db.update(ORDERS)
                .set(ORDERS.STATUS, "paid")
                .set(ORDERS.PAID_AT, OffsetDateTime.now())
                .where(ORDERS.ID.eq(order))
                .execute());
        CommerceTestData.entitlement(stride, client, guide, "guide_download", order, null, "active", Instant.now());
        poll();

        Anchor download = _get(Anchor.class, spec -> spec.withId("download-guide"));
        assertThat(download.getText()).isEqualTo("Download your guide");
        assertThat(download.getHref()).contains("/downloads/");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
        _assertNone(Paragraph.class, spec -> spec.withId("checkout-waiting"));
    }

    @Test
    void after_about_a_minute_of_waiting_the_success_page_says_the_confirmation_comes_by_email() {
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        CommerceTestData.order(
                stride,
                guide,
                OfferKind.GUIDE,
                null,
                "guest@example.com",
                null,
                "pending",
                "USD",
                2900,
                0,
                0,
                session,
                Instant.now());
        thanks(session);

        for (int i = 0; i < CheckoutThanksView.MAX_POLLS; i++) {
            poll();
        }

        assertThat(_get(Paragraph.class, spec -> spec.withId("checkout-still-processing"))
                        .getText())
                .isEqualTo(CheckoutThanksView.STILL_PROCESSING);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void an_expired_checkout_says_nothing_was_charged() {
        String session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
        CommerceTestData.order(
                stride,
                guide,
                OfferKind.GUIDE,
                null,
                "guest@example.com",
                null,
                "expired",
                "USD",
                2900,
                0,
                0,
                session,
                Instant.now());

        thanks(session);

        assertThat(_get(Paragraph.class, spec -> spec.withId("checkout-expired"))
                        .getText())
                .contains("nothing was charged");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void a_success_page_without_a_checkout_says_so_instead_of_waiting() {
        UI.getCurrent().navigate("t/" + stride.slug() + "/thanks");

        assertThat(_get(Paragraph.class, spec -> spec.withId("checkout-unknown"))
                        .getText())
                .contains("needs the checkout");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void a_client_sees_her_guides_and_her_coaching_subscription_under_purchases() {
        UUID userId = UUID.randomUUID();
        UUID client = UiTestData.client(stride, userId, "Jess Runner", "jess@example.com", ClientStatus.ACTIVE, null);
        Instant bought = Instant.parse("2026-03-02T10:00:00Z");
        UUID order = CommerceTestData.order(
                stride,
                guide,
                OfferKind.GUIDE,
                client,
                "jess@example.com",
                "Jess Runner",
                "paid",
                "USD",
                2900,
                0,
                100,
                null,
                bought);
        UUID active =
                CommerceTestData.entitlement(stride, client, guide, "guide_download", order, null, "active", bought);
        UUID refundedOrder = CommerceTestData.order(
                stride,
                guide,
                OfferKind.GUIDE,
                client,
                "jess@example.com",
                "Jess Runner",
                "refunded",
                "USD",
                2900,
                2900,
                100,
                null,
                bought.minus(Duration.ofDays(30)));
        UUID revoked = CommerceTestData.entitlement(
                stride,
                client,
                guide,
                "guide_download",
                refundedOrder,
                null,
                "revoked",
                bought.minus(Duration.ofDays(30)));
        UUID subscription = CommerceTestData.subscription(
                stride,
                client,
                coaching,
                "active",
                12900,
                "USD",
                "month",
                Instant.parse("2026-05-01T12:00:00Z"),
                null,
                false,
                bought);
        UUID coachingAccess = CommerceTestData.entitlement(
                stride, client, coaching, "coaching", null, subscription, "active", bought);
        signedIn = SignedIn.as(userId, "Jess Runner", stride.id(), Role.CLIENT);

        UI.getCurrent().navigate("t/" + stride.slug() + "/me/purchases");

        assertThat(currentView()).isInstanceOf(PortalPurchasesView.class);
        assertThat(_get(Anchor.class, spec -> spec.withId("portal-nav-purchases"))
                        .getHref())
                .isEqualTo("/t/" + stride.slug() + "/me/purchases");
        Div guideItem = _get(Div.class, spec -> spec.withId("purchase-" + active));
        assertThat(text(guideItem, "purchase-state")).startsWith("Bought on March 2, 2026");
        _get(guideItem, Button.class, spec -> spec.withId("download-" + active));
        Div revokedItem = _get(Div.class, spec -> spec.withId("purchase-" + revoked));
        assertThat(text(revokedItem, "purchase-state")).contains("no longer available");
        _assertNone(revokedItem, Button.class, spec -> spec.withClasses("purchase-download"));
        Div coachingItem = _get(Div.class, spec -> spec.withId("purchase-" + coachingAccess));
        assertThat(text(coachingItem, "purchase-title")).isEqualTo("1:1 Coaching");
        assertThat(text(coachingItem, "purchase-state")).isEqualTo("Active — renews on May 1, 2026");
        assertThat(_get(coachingItem, Button.class, spec -> spec.withId("manage-" + subscription))
                        .getText())
                .isEqualTo("Manage subscription");
    }

    @Test
    void a_refused_download_links_sign_in_address_sends_the_client_to_her_businesss_purchases() {
        UUID userId = UUID.randomUUID();
        UiTestData.client(stride, userId, "Jess Runner", "jess@example.com", ClientStatus.ACTIVE, null);
        signedIn = SignedIn.as(userId, "Jess Runner", stride.id(), Role.CLIENT);

        UI.getCurrent().navigate("portal/purchases");

        assertThat(currentView()).isInstanceOf(PortalPurchasesView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("t/" + stride.slug() + "/me/purchases");
    }

    @Test
    void someone_without_a_client_account_is_told_purchases_need_one() {
        signedIn = SignedIn.as(UUID.randomUUID(), "Sam Coach", stride.id(), Role.COACH);

        UI.getCurrent().navigate("portal/purchases");

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-purchases-account"))
                        .getText())
                .contains("client account");
    }

    @Test
    void the_purchases_page_is_the_clients_own_not_a_visitors() {
        UI.getCurrent().navigate("t/" + stride.slug() + "/me/purchases");

        _assertNone(PortalPurchasesView.class);
    }

    private void thanks(String session) {
        UI.getCurrent().navigate("t/" + stride.slug() + "/thanks", QueryParameters.of("session_id", session));
    }

    private static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    private static Component currentView() {
        return (Component)
                UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }

    private static String text(Component parent, String className) {
        List<Component> found = _find(parent, Component.class, spec -> spec.withClasses(className));
        assertThat(found)
                .as("a ." + className + " in " + parent.getId().orElse("?"))
                .isNotEmpty();
        return ((HasText) found.getFirst()).getText();
    }
}
