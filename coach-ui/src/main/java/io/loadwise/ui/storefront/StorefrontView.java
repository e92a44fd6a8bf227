package io.loadwise.ui.storefront;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.loadwise.catalog.Catalog;
import io.loadwise.catalog.Offer;
import io.loadwise.catalog.OfferKind;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantSettingsService;
import io.loadwise.ui.MainLayout;
import java.util.List;
import java.util.Locale;

/**
 * A coaching business's public home, {@code /t/<slug>}: its name and what it sells. Anyone may
 * look; the tenant comes from the slug, never from who is looking, so a signed-in coach of another
 * business sees exactly what a visitor sees.
 */
@Route(value = "t", layout = MainLayout.class)
@AnonymousAllowed
public class StorefrontView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final TenantDirectory tenants;
    private final TenantSettingsService branding;
    private final Catalog catalog;
    private String title = "Loadwise";

    public StorefrontView(TenantDirectory tenants, TenantSettingsService branding, Catalog catalog) {
        this.tenants = tenants;
        this.branding = branding;
        this.catalog = catalog;
    }

    @Override
    public void setParameter(BeforeEvent event, String slug) {
        Tenant tenant = tenants.findStorefront(slug)
                .orElseThrow(() -> new NotFoundException("No coaching business has the address /t/" + slug + "."));
        List<Offer> offers = TenantContext.callAs(tenant.id(), catalog::activeOffers);
        title = tenant.name() + " · Loadwise";
        show(tenant, offers);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(Tenant tenant, List<Offer> offers) {
        removeAll();
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
        Locale locale = Locale.forLanguageTag(tenant.locale());
        Div list = new Div();
        list.setId("offers");
        offers.forEach(offer -> list.add(card(offer, locale)));
        add(list);
    }

    private static Div card(Offer offer, Locale locale) {
        Span kind = new Span(kindLabel(offer.kind()));
        kind.addClassName("offer-kind");
        H3 title = new H3(offer.title());
        title.addClassName("offer-title");
        Span price = new Span(Prices.format(offer, locale));
        price.addClassName("offer-price");
        Div card = new Div(kind, title, new Paragraph(offer.summary()), price);
        card.addClassName("offer");
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-m)")
                .set("margin-bottom", "var(--lumo-space-m)");
        return card;
    }

    static String kindLabel(OfferKind kind) {
        return switch (kind) {
            case GUIDE -> "Guide";
            case CUSTOM_PLAN -> "Custom plan";
            case COACHING -> "Coaching";
        };
    }
}
