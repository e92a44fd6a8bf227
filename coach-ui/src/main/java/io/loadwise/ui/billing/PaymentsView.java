package io.loadwise.ui.billing;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.connect.PlatformFee;
import io.loadwise.team.TeamService;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.MainLayout;
import io.loadwise.ui.Money;
import io.loadwise.ui.SandboxBadge;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business's payments setup, {@code /coach/payments}: its Stripe connected account as Stripe
 * last reported it, the way to set it up or continue onboarding (owner only), and the platform's
 * fee on each sale. Stripe sends the owner back here ({@code ?onboarding=return}), and the page
 * then asks Stripe for the account's state.
 */
@Route(value = "coach/payments", layout = MainLayout.class)
@PageTitle("Payments · Loadwise")
@RolesAllowed("COACH")
public class PaymentsView extends Main implements BeforeEnterObserver {

    static final String PATH = "/coach/payments";
    static final String TROUBLE = "Stripe could not be reached just now. Please try again in a moment.";

    private static final Logger log = LoggerFactory.getLogger(PaymentsView.class);

    private final PaymentAccountService payments;
    private final TeamService team;
    private final TenantDirectory tenants;
    private final StripeProperties stripe;
    private final Div status = new Div();
    private final Span error = new Span();
    private final Paragraph notice = new Paragraph();

    public PaymentsView(
            PaymentAccountService payments, TeamService team, TenantDirectory tenants, StripeProperties stripe) {
        this.payments = payments;
        this.team = team;
        this.tenants = tenants;
        this.stripe = stripe;
        status.setId("payment-account");
        error.setId("payments-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("display", "block");
        notice.setId("onboarding-notice");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1("Payments"));
        Optional<Tenant> business = TenantContext.current().flatMap(tenants::findById);
        if (business.isEmpty()) {
            Paragraph noTenant = new Paragraph("Your account is not linked to one coaching business.");
            noTenant.setId("no-tenant");
            add(noTenant);
            return;
        }
        SandboxBadge.when(stripe).ifPresent(this::add);
        boolean owner = team.currentUserIsOwner();
        String onboarding = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("onboarding")
                .orElse("");
        PaymentAccount account;
        notice.setText("");
        error.setText("");
        if (owner && "return".equals(onboarding)) {
            account = refreshed();
            notice.setText(
                    account.canSell()
                            ? "Your Stripe account is ready: your storefront takes payments now."
                            : "Welcome back. Stripe is still missing some details; continue onboarding when you are ready.");
        } else {
            account = payments.current();
            if (owner && "refresh".equals(onboarding)) {
                notice.setText("That onboarding link expired. Continue onboarding for a fresh one.");
            }
        }
        add(notice);
        show(account, business.get(), owner);
        add(status, error);
    }

    private PaymentAccount refreshed() {
        try {
            return payments.refresh();
        } catch (RuntimeException e) {
            log.warn("Refreshing the payment account failed", e);
            error.setText(TROUBLE);
            return payments.current();
        }
    }

    private void show(PaymentAccount account, Tenant tenant, boolean owner) {
        status.removeAll();
        Locale locale = Locale.forLanguageTag(tenant.locale());
        Paragraph state = new Paragraph(stateText(account));
        state.setId("account-state");
        status.add(new H2("Stripe account"), state);
        if (account.stripeAccountId() != null) {
            Span id = new Span("Account " + account.stripeAccountId());
            id.setId("account-id");
            id.getStyle().set("color", "var(--lumo-secondary-text-color)").set("display", "block");
            status.add(id);
            UnorderedList checks = new UnorderedList(
                    new ListItem((account.detailsSubmitted() ? "✓ " : "✗ ") + "Details submitted"),
                    new ListItem((account.chargesEnabled() ? "✓ " : "✗ ") + "Charges enabled"),
                    new ListItem((account.payoutsEnabled() ? "✓ " : "✗ ") + "Payouts enabled"));
            checks.setId("account-checks");
            status.add(checks);
        }
        if (!account.requirementsDue().isEmpty()) {
            UnorderedList due = new UnorderedList();
            due.setId("requirements-due");
            account.requirementsDue()
                    .forEach(r -> due.add(new ListItem(r.replace('_', ' ').replace('.', ' '))));
            status.add(new Paragraph("Stripe still needs:"), due);
        }
        if (owner) {
            if (!account.canSell() || !account.payoutsEnabled()) {
                Button onboard = new Button(
                        account.stripeAccountId() == null ? "Set up payments" : "Continue onboarding",
                        click -> onboard());
                onboard.setId("start-onboarding");
                onboard.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                status.add(onboard);
            }
        } else {
            Paragraph ownersOnly = new Paragraph("Only the owner of the business can set up payments.");
            ownersOnly.setId("owners-only");
            status.add(ownersOnly);
        }
        Paragraph fee = new Paragraph(feeText(account.fee(), tenant.currency(), locale));
        fee.setId("platform-fee");
        status.add(new H2("Platform fee"), fee);
    }

    private void onboard() {
        error.setText("");
        try {
            String base = stripe.publicUrl().toString().replaceAll("/+$", "") + PATH;
            URI link = payments.startOnboarding(
                    URI.create(base + "?onboarding=return"), URI.create(base + "?onboarding=refresh"));
            UI.getCurrent().getPage().setLocation(link);
        } catch (RuntimeException e) {
            log.warn("Starting Stripe onboarding failed", e);
            error.setText(TROUBLE);
        }
    }

    static String stateText(PaymentAccount account) {
        if (account.stripeAccountId() == null) {
            return "Not set up: your storefront shows your products but cannot take payments until you connect a"
                    + " Stripe account.";
        }
        if (account.canSell()) {
            return account.payoutsEnabled()
                    ? "Ready: your storefront takes payments and Stripe pays out to your bank."
                    : "Taking payments; payouts start once Stripe has your bank details.";
        }
        return "Onboarding not finished: your storefront cannot take payments yet.";
    }

    /** The fee in the business's currency and language, e.g. "2.5 % + $0.30 per sale". */
    static String feeText(PlatformFee fee, String currency, Locale locale) {
        List<String> parts = new ArrayList<>();
        if (fee.basisPoints() > 0) {
            parts.add(BigDecimal.valueOf(fee.basisPoints(), 2)
                            .stripTrailingZeros()
                            .toPlainString() + " %");
        }
        if (fee.fixedMinor() > 0) {
            parts.add(Money.format(fee.fixedMinor(), currency, locale));
        }
        return parts.isEmpty()
                ? "No platform fee on your sales."
                : String.join(" + ", parts) + " per sale, set by the Loadwise platform.";
    }
}
