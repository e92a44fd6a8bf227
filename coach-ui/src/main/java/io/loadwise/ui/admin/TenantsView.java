package io.loadwise.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** Every coaching business on the platform, for platform admins. */
@Route(value = "admin/tenants", layout = MainLayout.class)
@PageTitle("Tenants · Loadwise")
@RolesAllowed("PLATFORM_ADMIN")
public class TenantsView extends Main {

    public TenantsView(TenantDirectory tenants) {
        Grid<Tenant> grid = new Grid<>(Tenant.class, false);
        grid.setId("tenants");
        grid.addColumn(Tenant::name).setHeader("Name").setKey("name");
        grid.addComponentColumn(t -> new Anchor("/t/" + t.slug(), "/t/" + t.slug()))
                .setHeader("Storefront")
                .setKey("slug");
        grid.addColumn(Tenant::currency).setHeader("Currency").setKey("currency");
        grid.addColumn(Tenant::timeZone).setHeader("Time zone").setKey("timeZone");
        grid.addComponentColumn(t -> new Anchor("/admin/tenants/" + t.id(), "Details"))
                .setHeader("Clients and audit log")
                .setKey("details");
        grid.setItems(tenants.listAll());
        add(new H2("Tenants"), grid);
    }
}
