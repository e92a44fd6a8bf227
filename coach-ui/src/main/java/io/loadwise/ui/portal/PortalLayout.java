package io.loadwise.ui.portal;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLayout;
import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in client's part of a storefront, {@code /t/<slug>/me/...}: the coaching business's
 * name in its brand colour and the portal's pages. Views route under it with
 * {@code @Route(value = "t/:slug/me/<page>", layout = PortalLayout.class)} and read the tenant from
 * {@link #tenant()}.
 *
 * <p>The slug must be the signed-in client's own business: any other slug is a 404, exactly as if
 * it did not exist, so a client cannot probe other businesses' portals.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class PortalLayout extends Div implements RouterLayout, BeforeEnterObserver {

    /** The portal's pages, in menu order: path below {@code /t/<slug>/me} and label. */
    static final List<Page> PAGES = List.of(
            new Page("", "My coach"),
            new Page("/today", "Today"),
            new Page("/plan", "My plan"),
            new Page("/check-in", "Check in"),
            new Page("/progress", "Progress"),
            new Page("/profile", "Profile"),
            new Page("/intake", "Intake"),
            new Page("/messages", "Messages"),
            new Page("/inbox", "notifications.nav"),
            new Page("/purchases", "Purchases"),
            new Page("/data", "My data"));

    private final TenantDirectory tenants;
    private final Span businessName = new Span();
    private final Nav menu = new Nav();
    private final Div content = new Div();
    private @Nullable Tenant tenant;

    public PortalLayout(TenantDirectory tenants) {
        this.tenants = tenants;
        businessName.setId("portal-business");
        businessName.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        menu.setId("portal-menu");
        menu.getStyle()
                .set("display", "flex")
                .set("flex-wrap", "wrap")
                .set("gap", "var(--lumo-space-m)")
                .set("margin", "var(--lumo-space-s) 0 var(--lumo-space-m)");
        add(businessName, menu, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String slug = event.getRouteParameters().get("slug").orElseThrow(NotFoundException::new);
        Tenant found = tenants.findBySlug(slug).orElseThrow(NotFoundException::new);
        CurrentUser user = CurrentUsers.current().orElseThrow(NotFoundException::new);
        if (!user.has(Role.CLIENT) || !Objects.equals(user.tenant(), found.id())) {
            throw new NotFoundException();
        }
        tenant = found;
        businessName.setText(found.name());
        if (found.brandColor() != null) {
            businessName.getStyle().set("color", found.brandColor());
        }
        menu.removeAll();
        String base = "/t/" + found.slug() + "/me";
        for (Page page : PAGES) {
            // Newer pages' labels are translation keys (English and German); older ones are English text.
            String label = page.label().startsWith("notifications.") ? getTranslation(page.label()) : page.label();
            Anchor link = new Anchor(base + page.path(), label);
            link.setId("portal-nav"
                    + (page.path().isEmpty() ? "-home" : page.path().replace('/', '-')));
            menu.add(link);
        }
    }

    /** The business whose portal is shown; set before any child view's own navigation observers run. */
    public Tenant tenant() {
        return Objects.requireNonNull(tenant, "PortalLayout has not been entered yet");
    }

    @Override
    public void showRouterLayoutContent(HasElement child) {
        content.removeAll();
        content.getElement().appendChild(child.getElement());
    }

    record Page(String path, String label) {}
}
