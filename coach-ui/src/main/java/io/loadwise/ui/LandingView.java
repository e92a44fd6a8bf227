package io.loadwise.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;

/**
 * The root: sends each person to where their role works. A platform admin to the tenant list, a
 * coach to their roster, a client to their portal in their coaching business. Someone with none of
 * those (a fresh account, or a client whose business is gone) is told so instead of bouncing.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Loadwise")
@PermitAll
public class LandingView extends Main implements BeforeEnterObserver {

    private final TenantDirectory tenants;

    public LandingView(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<CurrentUser> user = CurrentUsers.current();
        Optional<String> destination = user.flatMap(this::destination);
        if (destination.isPresent()) {
            event.forwardTo(destination.get());
            return;
        }
        removeAll();
        add(new H2("Welcome to Loadwise"));
        Paragraph message = new Paragraph("Your account is not linked to a coaching business yet."
                + " Ask your coach for an invitation, or contact support.");
        message.setId("no-role");
        add(message);
    }

    private Optional<String> destination(CurrentUser user) {
        if (user.has(Role.PLATFORM_ADMIN)) {
            return Optional.of("admin/tenants");
        }
        if (user.has(Role.COACH)) {
            return Optional.of("coach/roster");
        }
        if (user.has(Role.CLIENT)) {
            return user.tenantId().flatMap(tenants::findById).map(Tenant::slug).map(slug -> "t/" + slug + "/me");
        }
        return Optional.empty();
    }
}
