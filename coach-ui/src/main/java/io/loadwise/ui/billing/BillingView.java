package io.loadwise.ui.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.orders.BillingService;
import io.loadwise.billing.orders.MonthlyRevenue;
import io.loadwise.billing.orders.OrderStatus;
import io.loadwise.billing.orders.OrderView;
import io.loadwise.billing.orders.OrdersPage;
import io.loadwise.billing.orders.Subscriber;
import io.loadwise.team.TeamService;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.ChartImage;
import io.loadwise.ui.MainLayout;
import io.loadwise.ui.Money;
import io.loadwise.ui.SandboxBadge;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The business's billing, {@code /coach/billing}, for its owner and coaches: monthly revenue as a
 * chart, the order ledger newest first (a page at a time), and the clients on coaching packages.
 * Only the owner refunds; a refund is asked of Stripe and the order changes when Stripe confirms.
 */
@Route(value = "coach/billing", layout = MainLayout.class)
@PageTitle("Billing · Loadwise")
@RolesAllowed("COACH")
public class BillingView extends Main {

    static final int PAGE_SIZE = 25;
    static final int MONTHS = 12;

    private final BillingService billing;
    private final Grid<OrderView> orders = new Grid<>(OrderView.class, false);
    private final Button loadMore = new Button("Load more");
    private final List<OrderView> loaded = new ArrayList<>();
    private final Div chart = new Div();
    private @Nullable String cursor;
    private @Nullable Tenant tenant;
    private Labels.Dates dates = new Labels.Dates(java.time.ZoneOffset.UTC, Locale.ENGLISH);
    private Locale locale = Locale.ENGLISH;

    public BillingView(BillingService billing, TeamService team, TenantDirectory tenants, StripeProperties stripe) {
        this.billing = billing;
        add(new H1("Billing"));
        Optional<Tenant> business = TenantContext.current().flatMap(tenants::findById);
        if (business.isEmpty()) {
            Paragraph noTenant = new Paragraph("Your account is not linked to one coaching business.");
            noTenant.setId("no-tenant");
            add(noTenant);
            return;
        }
        tenant = business.get();
        dates = Labels.Dates.of(tenant);
        locale = dates.locale();
        SandboxBadge.when(stripe).ifPresent(this::add);
        boolean owner = team.currentUserIsOwner();

        chart.setId("revenue-charts");
        add(new H2("Revenue"), chart);

        orders.setId("orders");
        orders.addColumn(o -> dates.dateTime(o.createdAt()))
                .setHeader("Date")
                .setKey("date")
                .setAutoWidth(true);
        orders.addColumn(BillingView::buyer).setHeader("Buyer").setKey("buyer").setFlexGrow(2);
        orders.addColumn(OrderView::offerTitle).setHeader("Item").setKey("item").setFlexGrow(2);
        orders.addColumn(o -> Money.format(o.amountTotalMinor(), o.currency(), locale))
                .setHeader("Amount")
                .setKey("amount");
        orders.addColumn(o -> Labels.status(o.status())).setHeader("Status").setKey("status");
        orders.addColumn(o -> o.refundedMinor() == 0 ? "—" : Money.format(o.refundedMinor(), o.currency(), locale))
                .setHeader("Refunded")
                .setKey("refunded");
        if (owner) {
            orders.addComponentColumn(this::refundButton)
                    .setHeader("")
                    .setKey("refund")
                    .setAutoWidth(true);
        }
        orders.setAllRowsVisible(true);
        loadMore.setId("load-more-orders");
        loadMore.addClickListener(click -> loadOrders());
        Paragraph ownerNote = new Paragraph(
                owner
                        ? "Refunds go through Stripe; an order shows the refund once Stripe confirms it."
                        : "Only the owner of the business can refund an order.");
        ownerNote.setId("refund-note");
        ownerNote.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2("Orders"), ownerNote, orders, loadMore);

        Grid<Subscriber> subscribers = new Grid<>(Subscriber.class, false);
        subscribers.setId("subscribers");
        subscribers.addColumn(Subscriber::clientName).setHeader("Client").setKey("client");
        subscribers
                .addColumn(Subscriber::clientEmail)
                .setHeader("Email")
                .setKey("email")
                .setFlexGrow(2);
        subscribers
                .addColumn(Subscriber::offerTitle)
                .setHeader("Package")
                .setKey("package")
                .setFlexGrow(2);
        subscribers
                .addColumn(this::subscriptionState)
                .setHeader("Status")
                .setKey("status")
                .setFlexGrow(2);
        subscribers
                .addColumn(s -> Money.format(s.amountMinor(), s.currency(), locale) + " "
                        + Labels.interval(s.billingInterval()))
                .setHeader("Price")
                .setKey("price");
        subscribers.addColumn(s -> dates.date(s.startedAt())).setHeader("Since").setKey("since");
        subscribers.setAllRowsVisible(true);
        List<Subscriber> current = billing.subscribers();
        Span count = new Span(
                current.isEmpty()
                        ? "No clients on a coaching package yet."
                        : current.size() + (current.size() == 1 ? " subscriber" : " subscribers"));
        count.setId("subscriber-count");
        subscribers.setItems(current);
        add(new H2("Subscribers"), count, subscribers);

        showRevenue();
        reloadOrders();
    }

    private void showRevenue() {
        Tenant business = tenant;
        if (business == null) {
            return;
        }
        List<MonthlyRevenue> months = billing.monthlyRevenue(MONTHS);
        // One chart per currency: the business's own first, then any it sold in before a change.
        Map<String, List<MonthlyRevenue>> byCurrency = new LinkedHashMap<>();
        byCurrency.put(business.currency(), new ArrayList<>());
        months.forEach(m ->
                byCurrency.computeIfAbsent(m.currency(), c -> new ArrayList<>()).add(m));
        chart.removeAll();
        byCurrency.forEach((currency, series) -> {
            if (series.isEmpty() && !currency.equals(business.currency())) {
                return;
            }
            chart.add(ChartImage.of(
                    RevenueChart.render(currency, series, locale),
                    "revenue-chart-" + currency.toLowerCase(Locale.ROOT)));
        });
    }

    /** Starts over from the newest order (after a refund, so its row shows the new state). */
    void reloadOrders() {
        loaded.clear();
        cursor = null;
        loadOrders();
    }

    private void loadOrders() {
        OrdersPage page = billing.orders(cursor, PAGE_SIZE);
        loaded.addAll(page.items());
        cursor = page.nextCursor();
        orders.setItems(new ArrayList<>(loaded));
        loadMore.setVisible(cursor != null);
        if (loaded.isEmpty()) {
            orders.setEmptyStateText("No orders yet. They appear here as soon as someone checks out.");
        }
    }

    private Span refundButton(OrderView order) {
        Span cell = new Span();
        if (refundable(order)) {
            Button refund =
                    new Button("Refund", click -> new RefundDialog(order, billing, locale, this::reloadOrders).open());
            refund.setId("refund-" + order.id());
            refund.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            cell.add(refund);
        }
        return cell;
    }

    static boolean refundable(OrderView order) {
        return (order.status() == OrderStatus.PAID || order.status() == OrderStatus.PARTIALLY_REFUNDED)
                && order.refundableMinor() > 0;
    }

    private static String buyer(OrderView order) {
        return order.buyerName() == null || order.buyerName().isBlank()
                ? order.buyerEmail()
                : order.buyerName() + " <" + order.buyerEmail() + ">";
    }

    private String subscriptionState(Subscriber s) {
        return switch (s.status()) {
            case TRIALING -> "Trialing until " + dates.date(s.trialEnd() != null ? s.trialEnd() : s.currentPeriodEnd());
            case ACTIVE ->
                s.cancelAtPeriodEnd()
                        ? "Active, ends " + dates.date(s.currentPeriodEnd())
                        : "Active, renews " + dates.date(s.currentPeriodEnd());
            default -> Labels.status(s.status());
        };
    }
}
