package io.loadwise.ui.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.billing.catalog.Product;
import io.loadwise.billing.catalog.ProductService;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.MainLayout;
import io.loadwise.ui.Money;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * What the business sells, {@code /coach/products}: guides, custom plans and coaching packages,
 * each saved here and synced to a product and price on the business's Stripe account; and the
 * promotion codes buyers can type at checkout.
 */
@Route(value = "coach/products", layout = MainLayout.class)
@PageTitle("Products · Loadwise")
@RolesAllowed("COACH")
public class ProductsView extends Main {

    static final String SYNCED = "Synced to Stripe";
    static final String NOT_SYNCED = "Not yet synced";

    private final ProductService products;
    private final Grid<Product> grid = new Grid<>(Product.class, false);
    private Locale locale = Locale.ENGLISH;
    private String currency = "USD";

    public ProductsView(ProductService products, TenantDirectory tenants) {
        this.products = products;
        add(new H1("Products"));
        Optional<Tenant> business = TenantContext.current().flatMap(tenants::findById);
        if (business.isEmpty()) {
            Paragraph noTenant = new Paragraph("Your account is not linked to one coaching business.");
            noTenant.setId("no-tenant");
            add(noTenant);
            return;
        }
        locale = Locale.forLanguageTag(business.get().locale());
        currency = business.get().currency();

        grid.setId("products");
        grid.addColumn(Product::title).setHeader("Title").setKey("title").setFlexGrow(3);
        grid.addColumn(p -> Labels.kind(p.kind())).setHeader("Kind").setKey("kind");
        grid.addColumn(p -> Money.format(p.priceMinor(), p.currency(), locale)
                        + (p.billingInterval() == null ? "" : " / " + p.billingInterval()))
                .setHeader("Price")
                .setKey("price");
        grid.addColumn(p -> p.active() ? "On sale" : "Archived")
                .setHeader("Status")
                .setKey("status");
        grid.addColumn(ProductsView::syncState).setHeader("Stripe").setKey("sync");
        grid.addColumn(ProductsView::files).setHeader("Files").setKey("files");
        grid.addColumn(Product::position).setHeader("Position").setKey("position");
        grid.addItemClickListener(click -> edit(click.getItem()));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("Nothing on sale yet. Add your first product.");

        Button add =
                new Button("Add product", click -> new ProductDialog(products, null, currency, this::refresh).open());
        add.setId("add-product");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout catalog = new VerticalLayout(
                new Paragraph("Click a product to edit it, upload its guide or cover, or archive it."), add, grid);
        catalog.setPadding(false);

        TabSheet tabs = new TabSheet();
        tabs.setId("product-tabs");
        tabs.add("Catalog", catalog);
        tabs.add(
                "Promotion codes",
                new PromotionCodesPanel(
                        products, currency, locale, ZoneId.of(business.get().timeZone())));
        tabs.setWidthFull();
        add(tabs);
        refresh();
    }

    void refresh() {
        grid.setItems(products.products());
    }

    void edit(Product product) {
        new ProductDialog(products, products.product(product.id()), currency, this::refresh).open();
    }

    static String syncState(Product product) {
        return product.synced() ? SYNCED : NOT_SYNCED;
    }

    private static String files(Product product) {
        StringBuilder text = new StringBuilder();
        if (product.hasGuideFile()) {
            text.append("PDF");
        }
        if (product.hasCover()) {
            text.append(text.isEmpty() ? "" : ", ").append("cover");
        }
        return text.isEmpty() ? "—" : text.toString();
    }
}
