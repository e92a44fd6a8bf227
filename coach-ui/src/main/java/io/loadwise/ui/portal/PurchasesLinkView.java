package io.loadwise.ui.portal;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * {@code /portal/purchases}: the address a refused download link points to. A link's token may be
 * unreadable (tampered), so the page can't know the business; after signing in, the buyer is sent
 * to her own business's Purchases page, where fresh links are issued to her alone.
 */
@Route(value = "portal/purchases", layout = MainLayout.class)
@PageTitle("Your purchases · Loadwise")
@PermitAll
public class PurchasesLinkView extends Main implements BeforeEnterObserver {

    private final TenantDirectory tenants;

    public PurchasesLinkView(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> slug = CurrentUsers.current()
                .filter(user -> user.has(Role.CLIENT))
                .flatMap(user -> user.tenantId())
                .flatMap(tenants::findById)
                .map(Tenant::slug);
        if (slug.isPresent()) {
            event.forwardTo("t/" + slug.get() + "/me/purchases");
            return;
        }
        removeAll();
        add(new H2("Purchases"));
        Paragraph message = new Paragraph("Purchases belong to a client account. Sign in with the account"
                + " you bought with (the email on your receipt) to download your guides.");
        message.setId("no-purchases-account");
        add(message);
    }
}
