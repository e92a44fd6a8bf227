package io.loadwise.ui.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.delivery.GuideAccessEndedException;
import io.loadwise.billing.delivery.GuideDownloads;
import io.loadwise.billing.orders.EntitlementKind;
import io.loadwise.billing.orders.EntitlementStatus;
import io.loadwise.billing.orders.PaymentProviderException;
import io.loadwise.billing.orders.Purchase;
import io.loadwise.billing.orders.Purchases;
import io.loadwise.billing.orders.SubscriptionStatus;
import io.loadwise.tenancy.Tenant;
import io.loadwise.ui.SandboxBadge;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the signed-in client bought from her business, {@code /t/<slug>/me/purchases}: guides to
 * download again (each click asks for a fresh signed link), and her coaching subscription with its
 * state and the way to Stripe's customer portal to change her card or cancel.
 */
@Route(value = "t/:slug/me/purchases", layout = PortalLayout.class)
@PageTitle("Purchases · Loadwise")
@RolesAllowed("CLIENT")
public class PortalPurchasesView extends Main implements AfterNavigationObserver {

    static final String TROUBLE = "That did not work just now. Please try again in a moment.";

    private static final Logger log = LoggerFactory.getLogger(PortalPurchasesView.class);

    private final Purchases purchases;
    private final GuideDownloads downloads;
    private final StripeProperties stripe;

    public PortalPurchasesView(Purchases purchases, GuideDownloads downloads, StripeProperties stripe) {
        this.purchases = purchases;
        this.downloads = downloads;
        this.stripe = stripe;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Tenant tenant = Portals.tenant(this);
        removeAll();
        SandboxBadge.when(stripe).ifPresent(this::add);
        add(new H2("Purchases"));
        List<Purchase> mine = purchases.mine();
        if (mine.isEmpty()) {
            Paragraph none = new Paragraph("You have not bought anything from " + tenant.name() + " yet.");
            none.setId("no-purchases");
            add(none);
            return;
        }
        Div list = new Div();
        list.setId("purchases");
        Dates dates = new Dates(tenant);
        mine.forEach(purchase -> list.add(item(tenant, purchase, dates)));
        add(list);
    }

    private Div item(Tenant tenant, Purchase purchase, Dates dates) {
        Div item = new Div();
        item.setId("purchase-" + purchase.entitlementId());
        item.addClassName("purchase");
        item.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin-bottom", "var(--lumo-space-s)")
                .set("max-width", "40rem");
        H3 title = new H3(purchase.title());
        title.addClassName("purchase-title");
        Span state = new Span(stateText(purchase, dates));
        state.addClassName("purchase-state");
        state.getStyle().set("display", "block");
        Span error = new Span();
        error.addClassName("purchase-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("display", "block");
        item.add(title, state);
        if (purchase.status() != EntitlementStatus.ACTIVE && purchase.kind() != EntitlementKind.COACHING) {
            item.getStyle().set("opacity", "0.6");
        }
        if (purchase.kind() == EntitlementKind.GUIDE_DOWNLOAD && purchase.status() == EntitlementStatus.ACTIVE) {
            Button download = new Button("Download", click -> download(purchase, error));
            download.setId("download-" + purchase.entitlementId());
            download.addClassName("purchase-download");
            item.add(download);
        }
        if (purchase.subscriptionId() != null && purchase.subscriptionStatus() != SubscriptionStatus.CANCELED) {
            Button manage = new Button("Manage subscription", click -> manage(tenant, purchase, error));
            manage.setId("manage-" + purchase.subscriptionId());
            manage.addClassName("purchase-manage");
            item.add(manage);
        }
        item.add(error);
        return item;
    }

    private void download(Purchase purchase, Span error) {
        error.setText("");
        try {
            URI link = downloads.linkFor(purchase.entitlementId());
            UI.getCurrent().getPage().setLocation(link);
        } catch (GuideAccessEndedException e) {
            error.setText(e.getMessage());
        } catch (RuntimeException e) {
            log.warn("No download link for entitlement {}", purchase.entitlementId(), e);
            error.setText(TROUBLE);
        }
    }

    private void manage(Tenant tenant, Purchase purchase, Span error) {
        error.setText("");
        UUID subscription = Objects.requireNonNull(purchase.subscriptionId());
        try {
            URI back = URI.create(
                    stripe.publicUrl().toString().replaceAll("/+$", "") + "/t/" + tenant.slug() + "/me/purchases");
            URI portal = purchases.customerPortal(subscription, back);
            UI.getCurrent().getPage().setLocation(portal);
        } catch (PaymentProviderException e) {
            log.warn("No customer portal for subscription {}", purchase.subscriptionId(), e);
            error.setText("Stripe could not open your subscription settings just now. Please try again in a moment.");
        } catch (RuntimeException e) {
            log.warn("No customer portal for subscription {}", purchase.subscriptionId(), e);
            error.setText(TROUBLE);
        }
    }

    /** The line under a purchase's title: what she has and until when. */
    static String stateText(Purchase purchase, Dates dates) {
        if (purchase.kind() == EntitlementKind.COACHING && purchase.subscriptionStatus() != null) {
            String end = dates.date(purchase.currentPeriodEnd());
            return switch (purchase.subscriptionStatus()) {
                case TRIALING -> end == null ? "Free trial" : "Free trial until " + end;
                case ACTIVE ->
                    end == null
                            ? "Active"
                            : purchase.cancelAtPeriodEnd() ? "Active — ends on " + end : "Active — renews on " + end;
                case PAST_DUE, UNPAID -> "Past due — your last payment failed; update your card to keep coaching";
                case CANCELED -> "Canceled";
                case INCOMPLETE -> "Waiting for the first payment";
                case INCOMPLETE_EXPIRED -> "The first payment did not go through";
                case PAUSED -> "Paused";
            };
        }
        String bought = "Bought on " + dates.date(purchase.grantedAt());
        return switch (purchase.status()) {
            case ACTIVE ->
                purchase.kind() == EntitlementKind.GUIDE_DOWNLOAD && purchase.downloadCount() > 0
                        ? bought + " · downloaded " + purchase.downloadCount()
                                + (purchase.downloadCount() == 1 ? " time" : " times")
                        : bought;
            case REVOKED -> bought + " · no longer available: the order was refunded or disputed";
            case ENDED -> bought + " · ended";
        };
    }

    /** Dates in the business's time zone and language. */
    record Dates(ZoneId zone, DateTimeFormatter format) {

        Dates(Tenant tenant) {
            this(
                    ZoneId.of(tenant.timeZone()),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                            .withLocale(Locale.forLanguageTag(tenant.locale())));
        }

        @Nullable
        String date(@Nullable Instant instant) {
            return instant == null ? null : format.format(instant.atZone(zone));
        }
    }
}
