package io.loadwise.ui.billing;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.loadwise.billing.catalog.Product;
import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.orders.BillingService;
import io.loadwise.billing.orders.OrderStatus;
import io.loadwise.billing.orders.OrderView;
import io.loadwise.catalog.OfferKind;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.ui.AccessDeniedView;
import io.loadwise.ui.ChartImage;
import io.loadwise.ui.CommerceTestData;
import io.loadwise.ui.messaging.Team;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The coach workspace's commerce pages, browserless on the real Spring context and PostgreSQL:
 * billing (orders, refunds, subscribers, revenue), products and payments, for the owner and for a
 * coach who is not the owner. Orders and subscriptions are seeded as the webhook handlers leave
 * them.
 */
@IntegrationTest
class BillingViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    @Autowired
    ApplicationContext context;

    @Autowired
    BillingService billing;

    @Autowired
    ProductService products;

    Team team;
    AutoCloseable signedIn;

    @BeforeEach
    void setUp() {
        team = Team.of("Stride Coaching");
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (signedIn != null) {
            signedIn.close();
        }
        MockVaadin.tearDown();
    }

    @Test
    void coaches_find_billing_products_and_payments_in_the_menu_and_clients_cannot_open_them() throws Exception {
        signedIn = team.signIn(team.lead);
        UI.getCurrent().navigate("coach/exercises");
        assertThat(_find(SideNavItem.class))
                .extracting(SideNavItem::getLabel)
                .contains("Billing", "Products", "Payments")
                .doesNotContain("Platform billing");
        signedIn.close();

        signedIn = team.signIn(team.ann);
        for (String page : List.of("coach/billing", "coach/products", "coach/payments")) {
            UI.getCurrent().navigate(page);
            assertThat(currentView()).as(page).isInstanceOf(AccessDeniedView.class);
        }
    }

    @Test
    void the_refund_dialog_checks_the_amount_at_the_field_before_anything_reaches_stripe() {
        signedIn = team.signIn(team.owner);
        OrderView order = new OrderView(
                UUID.randomUUID(),
                Instant.now(),
                Instant.now(),
                "Tendon Health Guide",
                OfferKind.GUIDE,
                null,
                "Jess Runner",
                "jess@example.com",
                OrderStatus.PARTIALLY_REFUNDED,
                "USD",
                2900,
                0,
                0,
                100,
                900,
                null);
        RefundDialog dialog = new RefundDialog(order, billing, Locale.US, () -> {});
        dialog.open();

        assertThat(dialog.amount.getValue()).isEqualByComparingTo("20.00");
        assertThat(_get(Paragraph.class, spec -> spec.withId("refund-summary")).getText())
                .isEqualTo("jess@example.com paid $29.00; $9.00 already refunded. Up to $20.00 can be refunded.");

        for (String[] attempt : new String[][] {
            {"0", "The amount must be more than zero."},
            {"-5", "The amount must be more than zero."},
            {"20.01", "At most $20.00 can be refunded."},
            {"1.005", "Use at most 2 decimals."}
        }) {
            dialog.amount.setValue(new BigDecimal(attempt[0]));
            _click(_get(Button.class, spec -> spec.withId("confirm-refund")));
            assertThat(dialog.amount.isInvalid()).as(attempt[0]).isTrue();
            assertThat(dialog.amount.getErrorMessage()).as(attempt[0]).isEqualTo(attempt[1]);
            assertThat(dialog.isOpened()).isTrue();
        }
        dialog.amount.clear();
        _click(_get(Button.class, spec -> spec.withId("confirm-refund")));
        assertThat(dialog.amount.getErrorMessage()).isEqualTo("Enter the amount to refund.");
    }

    @Test
    void the_product_dialog_shows_each_problem_at_its_field() {
        signedIn = team.signIn(team.lead);
        ProductDialog dialog = new ProductDialog(products, null, "USD", () -> {});
        dialog.open();

        dialog.price.setValue(new BigDecimal("12.999"));
        _click(_get(Button.class, spec -> spec.withId("save-product")));

        assertThat(dialog.title.getErrorMessage()).isEqualTo("Give the product a title.");
        assertThat(dialog.summary.getErrorMessage()).isEqualTo("Write a short summary for your storefront.");
        assertThat(dialog.price.getErrorMessage()).isEqualTo("Use at most 2 decimals.");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.interval.isVisible()).isFalse();
        assertThat(dialog.pageCount.isVisible()).isTrue();

        dialog.kind.setValue(OfferKind.COACHING);
        assertThat(dialog.interval.isVisible()).isTrue();
        assertThat(dialog.trialDays.isVisible()).isTrue();
        assertThat(dialog.pageCount.isVisible()).isFalse();
        dialog.title.setValue("1:1 Coaching");
        dialog.summary.setValue("Weekly plans and check-ins");
        dialog.price.setValue(new BigDecimal("0"));
        dialog.trialDays.setValue(900);
        _click(_get(Button.class, spec -> spec.withId("save-product")));

        assertThat(dialog.title.isInvalid()).isFalse();
        assertThat(dialog.price.getErrorMessage()).isEqualTo("Stripe needs a price above zero.");
        assertThat(dialog.trialDays.getErrorMessage()).isEqualTo("A trial lasts between 1 and 730 days.");
        assertThat(dialog.draft()).isEmpty();

        dialog.price.setValue(new BigDecimal("129"));
        dialog.trialDays.setValue(14);
        assertThat(dialog.draft()).hasValueSatisfying(draft -> {
            assertThat(draft.priceMinor()).isEqualTo(12900);
            assertThat(draft.billingInterval()).isEqualTo("month");
            assertThat(draft.trialDays()).isEqualTo(14);
            assertThat(draft.pageCount()).isNull();
        });
    }

    @Test
    void the_owner_pages_through_orders_newest_first_and_may_refund_paid_ones() {
        UUID guide = CommerceTestData.offer(
                team.tenant, OfferKind.GUIDE, "Tendon Health Guide", 2900, "USD", null, null, 48, null, 1, false);
        Instant start = Instant.now().minus(Duration.ofDays(3));
        for (int i = 0; i < BillingView.PAGE_SIZE + 2; i++) {
            CommerceTestData.order(
                    team.tenant,
                    guide,
                    OfferKind.GUIDE,
                    null,
                    "buyer" + i + "@example.com",
                    "Buyer " + i,
                    "paid",
                    "USD",
                    2900,
                    0,
                    100,
                    null,
                    start.plus(Duration.ofMinutes(i)));
        }
        UUID refunded = CommerceTestData.order(
                team.tenant,
                guide,
                OfferKind.GUIDE,
                team.annClient.value(),
                "ann@example.com",
                "Ann Runner",
                "refunded",
                "USD",
                2900,
                2900,
                100,
                null,
                Instant.now());
        signedIn = team.signIn(team.owner);

        UI.getCurrent().navigate("coach/billing");

        Grid<OrderView> orders = orders();
        assertThat(GridKt._size(orders)).isEqualTo(BillingView.PAGE_SIZE);
        List<String> newest = GridKt._getFormattedRow(orders, GridKt._get(orders, 0));
        assertThat(newest.subList(1, 6))
                .containsExactly("Ann Runner <ann@example.com>", "Tendon Health Guide", "$29.00", "Refunded", "$29.00");
        assertThat(GridKt._get(orders, 1).buyerEmail()).isEqualTo("buyer26@example.com");
        assertThat(GridKt._get(orders, 0).id()).isEqualTo(refunded);
        assertThat(GridKt._getCellComponent(orders, 0, "refund").getChildren()).isEmpty();
        Button refund = (Button) GridKt._getCellComponent(orders, 1, "refund")
                .getChildren()
                .findFirst()
                .orElseThrow();
        assertThat(refund.getId()).hasValue("refund-" + GridKt._get(orders, 1).id());
        _click(refund);
        assertThat(_get(RefundDialog.class, spec -> spec.withId("refund-dialog"))
                        .amount
                        .getValue())
                .isEqualByComparingTo("29.00");
        _click(_get(Button.class, spec -> spec.withId("cancel-refund")));

        _click(_get(Button.class, spec -> spec.withId("load-more-orders")));
        assertThat(GridKt._size(orders)).isEqualTo(BillingView.PAGE_SIZE + 3);
        assertThat(GridKt._get(orders, BillingView.PAGE_SIZE + 2).buyerEmail()).isEqualTo("buyer0@example.com");
        _assertNone(Button.class, spec -> spec.withId("load-more-orders"));
    }

    @Test
    void a_coach_who_is_not_the_owner_sees_billing_without_refunds_and_the_revenue_chart() {
        UUID guide = CommerceTestData.offer(
                team.tenant, OfferKind.GUIDE, "Tendon Health Guide", 2900, "USD", null, null, 48, null, 1, false);
        UUID coaching = CommerceTestData.offer(
                team.tenant, OfferKind.COACHING, "1:1 Coaching", 12900, "USD", "month", null, null, 14, 2, false);
        UUID order = CommerceTestData.order(
                team.tenant,
                guide,
                OfferKind.GUIDE,
                null,
                "jess@example.com",
                "Jess Runner",
                "paid",
                "USD",
                2900,
                0,
                100,
                null,
                Instant.now());
        CommerceTestData.subscription(
                team.tenant,
                team.beaClient.value(),
                coaching,
                "trialing",
                12900,
                "USD",
                "month",
                Instant.now().plus(Duration.ofDays(14)),
                Instant.now().plus(Duration.ofDays(14)),
                false,
                Instant.now());
        signedIn = team.signIn(team.lead);

        UI.getCurrent().navigate("coach/billing");

        assertThat(orders().getColumnByKey("refund")).isNull();
        _assertNone(Button.class, spec -> spec.withId("refund-" + order));
        assertThat(_get(Paragraph.class, spec -> spec.withId("refund-note")).getText())
                .isEqualTo("Only the owner of the business can refund an order.");
        assertThat(_get(Span.class, spec -> spec.withId("subscriber-count")).getText())
                .isEqualTo("1 subscriber");
        @SuppressWarnings("unchecked")
        Grid<io.loadwise.billing.orders.Subscriber> subscribers = _get(Grid.class, spec -> spec.withId("subscribers"));
        assertThat(GridKt._getFormattedRow(subscribers, GridKt._get(subscribers, 0))
                        .subList(0, 4))
                .startsWith("Bea Runner")
                .contains("1:1 Coaching");
        Image chart = _get(Image.class, spec -> spec.withId("revenue-chart-usd"));
        assertThat(chart.getAlt()).hasValueSatisfying(alt -> assertThat(alt).startsWith("Monthly revenue in USD"));
        assertThat(ChartImage.svgOf(chart)).contains("gross $29.00");
    }

    @Test
    void the_products_page_lists_the_catalog_with_its_stripe_sync_state() {
        CommerceTestData.offer(
                team.tenant, OfferKind.GUIDE, "Tendon Health Guide", 2900, "USD", null, null, 48, null, 1, true);
        signedIn = team.signIn(team.lead);

        UI.getCurrent().navigate("coach/products");

        @SuppressWarnings("unchecked")
        Grid<Product> grid = _get(Grid.class, spec -> spec.withId("products"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, GridKt._get(grid, 0)).subList(0, 6))
                .containsExactly("Tendon Health Guide", "Guide", "$29.00", "On sale", ProductsView.NOT_SYNCED, "cover");
    }

    @Test
    void a_coach_sees_the_payment_account_and_fee_but_only_the_owner_may_set_up_payments() throws Exception {
        CommerceTestData.paymentAccount(
                team.tenant, "acct_" + UUID.randomUUID().toString().substring(0, 8), false, 250, 30);
        signedIn = team.signIn(team.lead);

        UI.getCurrent().navigate("coach/payments");

        assertThat(_get(Paragraph.class, spec -> spec.withId("account-state")).getText())
                .startsWith("Onboarding not finished");
        assertThat(_get(Paragraph.class, spec -> spec.withId("platform-fee")).getText())
                .isEqualTo("2.5 % + $0.30 per sale, set by the Loadwise platform.");
        _get(Paragraph.class, spec -> spec.withId("owners-only"));
        _assertNone(Button.class, spec -> spec.withId("start-onboarding"));
        signedIn.close();

        signedIn = team.signIn(team.owner);
        UI.getCurrent().navigate("coach/payments");
        assertThat(_get(Button.class, spec -> spec.withId("start-onboarding")).getText())
                .isEqualTo("Continue onboarding");
        _assertNone(Paragraph.class, spec -> spec.withId("owners-only"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<OrderView> orders() {
        return _get(Grid.class, spec -> spec.withId("orders"));
    }

    private static Component currentView() {
        return (Component)
                UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }
}
