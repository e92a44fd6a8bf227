package io.loadwise.ui.storefront;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.checkout.CheckoutService;
import io.loadwise.billing.checkout.CheckoutStarted;
import io.loadwise.billing.checkout.CheckoutUnavailableException;
import io.loadwise.billing.checkout.OfferNotForSaleException;
import io.loadwise.billing.checkout.UnknownPromotionCodeException;
import io.loadwise.billing.connect.NotSellingException;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.catalog.Catalog;
import io.loadwise.catalog.Offer;
import io.loadwise.catalog.OfferKind;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantSettingsService;
import io.loadwise.ui.MainLayout;
import io.loadwise.ui.SandboxBadge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coaching business's public home, {@code /t/<slug>}: its name and what it sells, each with a
 * button that starts Stripe Checkout on the business's own account. Anyone may look; the tenant
 * comes from the slug, never from who is looking, so a signed-in coach of another business sees
 * exactly what a visitor sees.
 */
@Route(value = "t", layout = MainLayout.class)
@AnonymousAllowed
public class StorefrontView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    static final String NOT_SELLING = "Not taking payments yet";
    static final String CHECKOUT_TROUBLE =
            "Checkout could not be started just now. Nothing was charged; please try again in a moment.";

    private static final Logger log = LoggerFactory.getLogger(StorefrontView.class);

    private final TenantDirectory tenants;
    private final TenantSettingsService branding;
    private final Catalog catalog;
    private final PaymentAccountService payments;
    private final CheckoutService checkout;
    private final StripeProperties stripe;
    private final TextField promotionCode = new TextField("Promotion code");
    private final List<Button> buyButtons = new ArrayList<>();
    private String title = "Loadwise";

    public StorefrontView(
            TenantDirectory tenants,
            TenantSettingsService branding,
            Catalog catalog,
            PaymentAccountService payments,
            CheckoutService checkout,
            StripeProperties stripe) {
        this.tenants = tenants;
        this.branding = branding;
        this.catalog = catalog;
        this.payments = payments;
        this.checkout = checkout;
        this.stripe = stripe;
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        Tenant tenant = tenants.findStorefront(slug)
                .orElseThrow(() -> new NotFoundException("No coaching business has the address /t/" + slug + "."));
        List<Offer> offers = TenantContext.callAs(tenant.id(), catalog::activeOffers);
        boolean selling =
                payments.find(tenant.id()).map(PaymentAccount::canSell).orElse(false);
        title = tenant.name() + " · Loadwise";
        show(tenant, offers, selling);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(Tenant tenant, List<Offer> offers, boolean selling) {
        removeAll();
        buyButtons.clear();
        SandboxBadge.when(stripe).ifPresent(this::add);
        branding.logoUpdatedAt(tenant.id()).ifPresent(updated -> {
            Image logo = new Image("/tenant-logos/" + tenant.id() + "?v=" + updated.toEpochMilli(), tenant.name());
            logo.setId("tenant-logo");
            logo.setMaxHeight("80px");
            add(logo);
        });
        H1 name = new H1(tenant.name());
        name.setId("tenant-name");
        if (tenant.brandColor() != null) {
            // Validated as #rrggbb when saved, so it is safe inside a style value.
            name.getStyle().set("color", tenant.brandColor());
            getStyle().set("border-top", "6px solid " + tenant.brandColor());
        }
        add(name);
        if (offers.isEmpty()) {
            Paragraph empty = new Paragraph(tenant.name() + " has nothing on sale right now.");
            empty.setId("no-offers");
            add(empty);
            return;
        }
        if (selling) {
            promotionCode.setId("promotion-code");
            promotionCode.setPlaceholder("Optional");
            promotionCode.setHelperText("Have a code? Enter it before you choose.");
            promotionCode.setMaxLength(40);
            promotionCode.setClearButtonVisible(true);
            add(promotionCode);
        } else {
            Paragraph notSelling = new Paragraph(NOT_SELLING + ": " + tenant.name()
                    + " is still setting up payments. Have a look around and come back soon.");
            notSelling.setId("not-selling");
            add(notSelling);
        }
        Locale locale = Locale.forLanguageTag(tenant.locale());
        Div list = new Div();
        list.setId("offers");
        offers.forEach(offer -> list.add(card(tenant, offer, locale, selling)));
        add(list);
    }

    private Div card(Tenant tenant, Offer offer, Locale locale, boolean selling) {
        Div card = new Div();
        card.addClassName("offer");
        card.setId("offer-" + offer.id());
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-m)")
                .set("margin-bottom", "var(--lumo-space-m)")
                .set("max-width", "48rem");
        if (offer.hasCover()) {
            Image cover = new Image("/offer-covers/" + tenant.id() + "/" + offer.id(), "Cover of " + offer.title());
            cover.addClassName("offer-cover");
            cover.setMaxHeight("200px");
            cover.getStyle().set("float", "right").set("margin-left", "var(--lumo-space-m)");
            card.add(cover);
        }
        Span kind = new Span(kindLabel(offer.kind()));
        kind.addClassName("offer-kind");
        H3 heading = new H3(offer.title());
        heading.addClassName("offer-title");
        Paragraph summary = new Paragraph(offer.summary());
        summary.addClassName("offer-summary");
        card.add(kind, heading, summary);
        if (offer.description() != null && !offer.description().isBlank()) {
            Paragraph description = new Paragraph(offer.description());
            description.addClassName("offer-description");
            description.getStyle().set("white-space", "pre-line");
            card.add(description);
        }
        String details = details(offer);
        if (!details.isEmpty()) {
            Span facts = new Span(details);
            facts.addClassName("offer-details");
            facts.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)");
            card.add(facts);
        }
        Span price = new Span(Prices.format(offer, locale));
        price.addClassName("offer-price");
        price.getStyle().set("display", "block").set("font-weight", "600").set("margin", "var(--lumo-space-s) 0");
        Span error = new Span();
        error.addClassName("offer-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("display", "block");
        Button buy = new Button(offer.kind() == OfferKind.COACHING ? "Subscribe" : "Buy");
        buy.addClassName("offer-buy");
        buy.setId("buy-" + offer.id());
        buy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        buy.setEnabled(selling);
        if (!selling) {
            buy.setTooltipText(NOT_SELLING);
        }
        buy.addClickListener(click -> buy(tenant, offer, error));
        buyButtons.add(buy);
        card.add(price, buy, error);
        return card;
    }

    /**
     * Starts Checkout and sends the browser to Stripe; any refusal (not selling, a code that does
     * not apply) is said on the card and nothing else happens.
     */
    private void buy(Tenant tenant, Offer offer, Span error) {
        error.setText("");
        promotionCode.setInvalid(false);
        try {
            CheckoutStarted started = checkout.start(tenant.slug(), offer.id(), code());
            buyButtons.forEach(b -> b.setEnabled(false));
            UI.getCurrent().getPage().setLocation(started.checkoutUrl());
        } catch (UnknownPromotionCodeException e) {
            promotionCode.setErrorMessage(e.getMessage());
            promotionCode.setInvalid(true);
            error.setText(e.getMessage());
        } catch (NotSellingException e) {
            error.setText(NOT_SELLING + ". " + e.getMessage());
        } catch (OfferNotForSaleException | CheckoutUnavailableException e) {
            error.setText(e.getMessage());
        } catch (io.loadwise.shared.NotFoundException e) {
            error.setText(offer.title() + " is no longer sold.");
        } catch (RuntimeException e) {
            log.warn("Checkout of offer {} at {} could not start", offer.id(), tenant.slug(), e);
            error.setText(CHECKOUT_TROUBLE);
        }
    }

    private @Nullable String code() {
        String typed = promotionCode.getValue().trim();
        return typed.isEmpty() ? null : typed.toUpperCase(Locale.ROOT);
    }

    /** What a buyer wants to know besides the price: a guide's length, a coaching package's trial. */
    static String details(Offer offer) {
        List<String> facts = new ArrayList<>();
        if (offer.pageCount() != null) {
            facts.add(offer.pageCount() + (offer.pageCount() == 1 ? " page" : " pages"));
        }
        if (offer.trialDays() != null && offer.trialDays() > 0) {
            facts.add(offer.trialDays() + "-day free trial");
        }
        return String.join(" · ", facts);
    }

    static String kindLabel(OfferKind kind) {
        return switch (kind) {
            case GUIDE -> "Guide";
            case CUSTOM_PLAN -> "Custom plan";
            case COACHING -> "Coaching";
        };
    }
}
