package io.loadwise.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.privacy.AuditEntry;
import io.loadwise.privacy.PrivacyService;
import io.loadwise.privacy.TenantClientsOverview;
import io.loadwise.privacy.TenantClientsOverview.ClientRef;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * One coaching business as a platform admin sees it: client ids and status counts, no names and no
 * health data, plus the business's audit log. A client's data opens only through break-glass, with
 * a reason that the audit log keeps.
 */
@Route(value = "admin/tenants/:tenantId", layout = MainLayout.class)
@PageTitle("Tenant · Loadwise")
@RolesAllowed("PLATFORM_ADMIN")
public class TenantDetailView extends Main implements BeforeEnterObserver {

    private final TenantDirectory tenants;
    private final PrivacyService privacy;
    private final JsonMapper json;

    public TenantDetailView(TenantDirectory tenants, PrivacyService privacy, JsonMapper json) {
        this.tenants = tenants;
        this.privacy = privacy;
        this.json = json;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        TenantId id;
        try {
            id = TenantId.of(event.getRouteParameters().get("tenantId").orElseThrow(NotFoundException::new));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
        Tenant tenant = tenants.findById(id).orElseThrow(NotFoundException::new);
        removeAll();
        show(tenant);
    }

    private void show(Tenant tenant) {
        H2 title = new H2(tenant.name());
        title.setId("tenant-name");
        add(new Anchor("/admin/tenants", "All tenants"), title);

        TenantClientsOverview overview = privacy.overview(tenant.id());
        Paragraph counts = new Paragraph(
                overview.statusCounts().isEmpty()
                        ? "No clients."
                        : overview.statusCounts().entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining(", ")));
        counts.setId("status-counts");
        Grid<ClientRef> clients = new Grid<>(ClientRef.class, false);
        clients.setId("tenant-clients");
        clients.addColumn(ClientRef::id).setHeader("Client id").setKey("id");
        clients.addColumn(ClientRef::status).setHeader("Status").setKey("status");
        clients.addColumn(c -> c.erased() ? "erased" : "").setHeader("Erased").setKey("erased");
        clients.addComponentColumn(c -> {
                    Button open = new Button("Break glass…", click -> new BreakGlassDialog(
                                    tenant, new ClientId(c.id()), privacy, json, this::reloadAudit)
                            .open());
                    open.setId("break-glass-" + c.id());
                    return open;
                })
                .setKey("breakGlass");
        clients.setItems(overview.clients());
        clients.setAllRowsVisible(true);

        add(new H3("Clients"), counts, clients, new H3("Audit log"), audit(tenant));
    }

    private Grid<AuditEntry> audit(Tenant tenant) {
        Grid<AuditEntry> audit = new Grid<>(AuditEntry.class, false);
        audit.setId("audit-log");
        audit.addColumn(AuditEntry::at).setHeader("When").setKey("at");
        audit.addColumn(AuditEntry::actorRole).setHeader("Role").setKey("role");
        audit.addColumn(AuditEntry::action).setHeader("Action").setKey("action");
        audit.addColumn(AuditEntry::subjectId).setHeader("Client id").setKey("subject");
        audit.addColumn(e -> e.reason() == null ? "" : e.reason())
                .setHeader("Reason")
                .setKey("reason");
        audit.setItems(privacy.auditLog(tenant.id()));
        audit.setAllRowsVisible(true);
        return audit;
    }

    private void reloadAudit(Tenant tenant) {
        getChildren()
                .filter(c -> c.getId().filter("audit-log"::equals).isPresent())
                .findFirst()
                .ifPresent(old -> replace(old, audit(tenant)));
    }
}
