package io.loadwise.ui.roster;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.roster.ClientStatus;
import io.loadwise.roster.RosterEntry;
import io.loadwise.roster.RosterPage;
import io.loadwise.roster.RosterService;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.ui.MainLayout;
import io.loadwise.ui.UiProperties;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A coach's clients, ordered by name. Pages come from the roster's keyset cursor, so "Load more"
 * continues exactly after the last row shown even while clients are being added.
 */
@Route(value = "coach/roster", layout = MainLayout.class)
@PageTitle("Roster · Loadwise")
@RolesAllowed("COACH")
public class RosterView extends Main {

    private final RosterService roster;
    private final int pageSize;
    private final Grid<RosterEntry> grid = new Grid<>(RosterEntry.class, false);
    private final Button loadMore = new Button("Load more", click -> loadNextPage());
    private final Span count = new Span();
    private final List<RosterEntry> shown = new ArrayList<>();
    private @Nullable String nextCursor;

    public RosterView(RosterService roster, UiProperties settings) {
        this.roster = roster;
        this.pageSize = settings.rosterPageSize();
        add(new H2("Roster"));
        if (TenantContext.current().isEmpty()) {
            // A coach token without exactly one organization: nothing to show, and saying why beats
            // an error page.
            Paragraph noTenant = new Paragraph("Your account is not linked to one coaching business,"
                    + " so there is no roster to show. Ask the business owner to check your invitation.");
            noTenant.setId("no-tenant");
            add(noTenant);
            return;
        }
        grid.setId("roster");
        grid.addColumn(RosterEntry::displayName).setHeader("Name").setKey("name");
        grid.addColumn(RosterEntry::email).setHeader("Email").setKey("email");
        grid.addColumn(entry -> label(entry.status())).setHeader("Status").setKey("status");
        grid.addColumn(entry -> entry.coachName() == null ? "Unassigned" : entry.coachName())
                .setHeader("Coach")
                .setKey("coach");
        grid.setAllRowsVisible(true);
        loadMore.setId("load-more");
        count.setId("roster-count");
        add(grid, count, loadMore);
        loadNextPage();
    }

    private void loadNextPage() {
        RosterPage page = roster.page(nextCursor, pageSize);
        shown.addAll(page.entries());
        nextCursor = page.nextCursor();
        grid.setItems(shown);
        loadMore.setVisible(nextCursor != null);
        count.setText(
                shown.isEmpty()
                        ? "No clients yet."
                        : shown.size() + (nextCursor == null ? " clients" : " clients shown, more to load"));
    }

    static String label(ClientStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
