package io.loadwise.ui.storefront;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.checkout.CheckoutOutcome;
import io.loadwise.billing.checkout.CheckoutService;
import io.loadwise.catalog.OfferKind;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.MainLayout;
import io.loadwise.ui.SandboxBadge;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Stripe Checkout sends a buyer back, {@code /t/<slug>/thanks?session_id=...}. Fulfilment
 * happens only when Stripe's webhook is processed, so the page asks once a second whether the order
 * is fulfilled yet, and after about a minute stops asking and says the confirmation will come by
 * email.
 */
@Route(value = "t/:slug/thanks", layout = MainLayout.class)
@AnonymousAllowed
public class CheckoutThanksView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    static final int POLL_MILLIS = 1000;
    /** About a minute of asking; webhooks normally arrive within seconds. */
    static final int MAX_POLLS = 60;

    static final String WAITING = "Confirming your payment…";
    static final String STILL_PROCESSING = "Your payment is still being confirmed. There is no need to wait here:"
            + " we will email you as soon as it is through.";

    private static final Logger log = LoggerFactory.getLogger(CheckoutThanksView.class);

    private final TenantDirectory tenants;
    private final CheckoutService checkout;
    private final StripeProperties stripe;
    private final Div status = new Div();
    private @Nullable Tenant tenant;
    private @Nullable String sessionId;
    private @Nullable Registration polling;
    private int polls;
    private String title = "Thank you · Loadwise";

    public CheckoutThanksView(TenantDirectory tenants, CheckoutService checkout, StripeProperties stripe) {
        this.tenants = tenants;
        this.checkout = checkout;
        this.stripe = stripe;
        status.setId("checkout-status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElseThrow(NotFoundException::new);
        Tenant found = tenants.findStorefront(slug)
                .orElseThrow(() -> new NotFoundException("No coaching business has the address /t/" + slug + "."));
        tenant = found;
        title = "Thank you · " + found.name() + " · Loadwise";
        List<String> ids =
                event.getLocation().getQueryParameters().getParameters().get("session_id");
        sessionId = ids == null || ids.isEmpty() || ids.getFirst().isBlank() ? null : ids.getFirst();
        removeAll();
        SandboxBadge.when(stripe).ifPresent(this::add);
        Anchor back = new Anchor("/t/" + found.slug(), "Back to " + found.name());
        back.setId("back-to-storefront");
        add(new H2(found.name()), status, back);
        polls = 0;
        check();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        if (polling == null) {
            polling = attach.getUI().addPollListener(poll -> check());
        }
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopPolling(detach.getUI());
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        super.onDetach(detach);
    }

    /** One look at the order; keeps the page polling only while it waits. */
    void check() {
        Tenant current = tenant;
        String session = sessionId;
        if (current == null) {
            return;
        }
        if (session == null) {
            show(message(
                    "checkout-unknown",
                    "This page needs the checkout it belongs to. Your email has the"
                            + " receipt of any payment you made."));
            stopPolling(UI.getCurrent());
            return;
        }
        CheckoutOutcome outcome;
        try {
            outcome = checkout.outcome(current.slug(), session);
        } catch (RuntimeException e) {
            log.warn("Checkout outcome of {} at {} could not be read", session, current.slug(), e);
            show(message(
                    "checkout-unknown",
                    "We could not find this checkout. If you paid, your email has the"
                            + " receipt, and we will email you as soon as your order is confirmed."));
            stopPolling(UI.getCurrent());
            return;
        }
        if (outcome.state() == CheckoutOutcome.State.WAITING) {
            polls++;
            if (polls > MAX_POLLS) {
                show(message("checkout-still-processing", STILL_PROCESSING));
                stopPolling(UI.getCurrent());
            } else {
                waiting();
                UI.getCurrent().setPollInterval(POLL_MILLIS);
            }
            return;
        }
        stopPolling(UI.getCurrent());
        show(outcome, current);
    }

    private void waiting() {
        if (status.getChildren()
                .anyMatch(c -> "checkout-waiting".equals(c.getId().orElse(null)))) {
            return;
        }
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setWidth("20rem");
        Paragraph text = new Paragraph(WAITING);
        text.setId("checkout-waiting");
        status.removeAll();
        status.add(text, progress);
    }

    private void show(CheckoutOutcome outcome, Tenant current) {
        switch (outcome.state()) {
            case FULFILLED -> fulfilled(outcome, current);
            case FAILED ->
                show(message(
                        "checkout-failed",
                        "Your payment did not go through, so nothing was bought. You can try"
                                + " again with another payment method."));
            case EXPIRED ->
                show(message(
                        "checkout-expired",
                        "This checkout expired before it was paid, so nothing was charged." + " Choose “"
                                + outcome.offerTitle() + "” again to start over."));
            case REVIEW ->
                show(message(
                        "checkout-review",
                        "We received your payment for “" + outcome.offerTitle()
                                + "” and are checking it. We will email you as soon as it is confirmed."));
            case WAITING -> waiting();
        }
    }

    private void fulfilled(CheckoutOutcome outcome, Tenant current) {
        status.removeAll();
        Paragraph thanks = new Paragraph("Thank you — “" + outcome.offerTitle() + "” is yours.");
        thanks.setId("checkout-fulfilled");
        status.add(thanks);
        String portal = "/t/" + current.slug() + "/me";
        if (outcome.kind() == OfferKind.GUIDE && outcome.downloadUrl() != null) {
            Anchor download = new Anchor(outcome.downloadUrl().toString(), "Download your guide");
            download.setId("download-guide");
            // A server endpoint streaming the PDF, not a route.
            download.setRouterIgnore(true);
            download.getElement().setAttribute("download", true);
            Paragraph expiry = new Paragraph("The link works for a few minutes. You can download the guide again any"
                    + " time from Purchases in your portal.");
            expiry.getStyle().set("color", "var(--lumo-secondary-text-color)");
            status.add(download, expiry);
        } else if (outcome.kind() == OfferKind.COACHING) {
            status.add(message(
                    "coaching-welcome",
                    "Welcome to " + current.name() + "! Your coach will be in touch;"
                            + " your plan, check-ins and messages are in your portal."));
            status.add(portalLink(portal));
        } else {
            status.add(message(
                    "custom-plan-next",
                    current.name() + " will build your plan from your intake"
                            + " answers. Fill them in from your portal if you have not yet."));
            status.add(portalLink(portal));
        }
        if (outcome.guest() && outcome.buyerEmail() != null) {
            status.add(message(
                    "invite-sent", "We sent an invite to " + outcome.buyerEmail() + " to create your account."));
        }
    }

    private static Anchor portalLink(String portal) {
        Anchor link = new Anchor(portal, "Go to your portal");
        link.setId("go-to-portal");
        return link;
    }

    private void show(Paragraph message) {
        status.removeAll();
        status.add(message);
    }

    private static Paragraph message(String id, String text) {
        Paragraph paragraph = new Paragraph(text);
        paragraph.setId(id);
        return paragraph;
    }

    private void stopPolling(@Nullable UI ui) {
        if (ui != null) {
            ui.setPollInterval(-1);
        }
    }
}
