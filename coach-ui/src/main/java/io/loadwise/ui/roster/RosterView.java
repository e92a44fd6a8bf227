package io.loadwise.ui.roster;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientStatus;
import io.loadwise.roster.CoachRef;
import io.loadwise.roster.RosterEntry;
import io.loadwise.roster.RosterFilter;
import io.loadwise.roster.RosterPage;
import io.loadwise.roster.RosterService;
import io.loadwise.roster.RosterSort;
import io.loadwise.roster.TagCount;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.ui.MainLayout;
import io.loadwise.ui.UiProperties;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A coach's clients: search, filters and sort, a page at a time. Pages come from the roster's keyset
 * cursor, so "Load more" continues exactly after the last row shown even while clients are being
 * added. Any change of search, filter or sort starts again from the first page.
 */
@Route(value = "coach/roster", layout = MainLayout.class)
@PageTitle("Roster · Loadwise")
@RolesAllowed("COACH")
public class RosterView extends Main {

    /** The flag kinds the plan engine raises (Plans issue); the list also accepts others. */
    static final List<String> FLAG_KINDS = List.of("pain_spike", "missed_sessions", "no_check_in");

    private final RosterService roster;
    private final int pageSize;
    private final Grid<RosterEntry> grid = new Grid<>(RosterEntry.class, false);
    private final Button loadMore = new Button("Load more", click -> loadNextPage());
    private final Span count = new Span();
    private final TextField search = new TextField();
    private final MultiSelectComboBox<ClientStatus> statuses = new MultiSelectComboBox<>("Status");
    private final ComboBox<String> tag = new ComboBox<>("Tag");
    private final ComboBox<CoachRef> coach = new ComboBox<>("Coach");
    private final ComboBox<String> flag = new ComboBox<>("Flag");
    private final Select<RosterSort> sort = new Select<>();
    private final List<RosterEntry> shown = new ArrayList<>();
    private @Nullable String nextCursor;

    public RosterView(RosterService roster, ClientAccess access, UiProperties settings) {
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
        add(actions(), filters(access.currentUserIsOwner()));

        grid.setId("roster");
        grid.addColumn(RosterEntry::displayName).setHeader("Name").setKey("name");
        grid.addColumn(RosterEntry::email).setHeader("Email").setKey("email");
        // A Lit template rather than a component per row: the status column is on every row of every page.
        grid.addColumn(LitRenderer.<RosterEntry>of("<span theme=\"${item.theme}\">${item.label}</span>")
                        .withProperty("label", entry -> label(entry.status()))
                        .withProperty("theme", entry -> badgeTheme(entry.status())))
                .setHeader("Status")
                .setKey("status");
        grid.addColumn(entry -> entry.coachName() == null ? "Unassigned" : entry.coachName())
                .setHeader("Coach")
                .setKey("coach");
        grid.addColumn(new ComponentRenderer<>(entry -> chips(entry.tags(), "contrast")))
                .setHeader("Tags")
                .setKey("tags");
        // Filled by the plan engine (Plans issue); empty until it raises flags.
        grid.addColumn(new ComponentRenderer<>(entry -> chips(entry.flags(), "error")))
                .setHeader("Flags")
                .setKey("flags");
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                ClientDetailView.class,
                new RouteParameters(ClientDetailView.ID, click.getItem().id().toString()))));
        loadMore.setId("load-more");
        count.setId("roster-count");
        add(grid, count, loadMore);
        reload();
    }

    private Component filters(boolean owner) {
        search.setId("roster-search");
        search.setLabel("Search");
        search.setPlaceholder("Name or email");
        search.setClearButtonVisible(true);
        // Searching as the coach types, without a query per keystroke.
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(300);
        search.addValueChangeListener(e -> reload());

        statuses.setId("roster-status");
        statuses.setItems(ClientStatus.values());
        statuses.setItemLabelGenerator(RosterView::label);
        statuses.addValueChangeListener(e -> reload());

        tag.setId("roster-tag");
        tag.setItems(roster.tags().stream().map(TagCount::tag).toList());
        tag.setClearButtonVisible(true);
        tag.addValueChangeListener(e -> reload());

        coach.setId("roster-coach");
        coach.setItems(roster.coaches());
        coach.setItemLabelGenerator(CoachRef::name);
        coach.setClearButtonVisible(true);
        coach.addValueChangeListener(e -> reload());
        // Another coach only sees their own clients, so a coach filter would tell them nothing.
        coach.setVisible(owner);

        flag.setId("roster-flag");
        flag.setItems(FLAG_KINDS);
        flag.setItemLabelGenerator(RosterView::flagLabel);
        flag.setAllowCustomValue(false);
        flag.setClearButtonVisible(true);
        flag.addValueChangeListener(e -> reload());

        sort.setId("roster-sort");
        sort.setLabel("Sort");
        sort.setItems(RosterSort.values());
        sort.setItemLabelGenerator(RosterView::sortLabel);
        sort.setValue(RosterSort.NAME);
        sort.addValueChangeListener(e -> reload());

        HorizontalLayout bar = new HorizontalLayout(search, statuses, tag, coach, flag, sort);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private RosterFilter filter() {
        CoachRef selectedCoach = coach.getValue();
        return new RosterFilter(
                search.getValue(),
                statuses.getValue(),
                tag.getValue(),
                selectedCoach == null ? null : selectedCoach.id(),
                false,
                flag.getValue(),
                sort.getValue() == null ? RosterSort.NAME : sort.getValue());
    }

    private HorizontalLayout actions() {
        Button invite = new Button("Invite client", click -> new InviteClientDialog(roster, this::reload).open());
        invite.setId("invite-client");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor csv = new Anchor("/coach/roster/import", "Import or export CSV");
        csv.setId("roster-csv");
        HorizontalLayout actions = new HorizontalLayout(invite, csv);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        return actions;
    }

    private void reload() {
        shown.clear();
        nextCursor = null;
        loadNextPage();
    }

    private void loadNextPage() {
        RosterPage page = roster.page(filter(), nextCursor, pageSize);
        shown.addAll(page.entries());
        nextCursor = page.nextCursor();
        grid.setItems(shown);
        loadMore.setVisible(nextCursor != null);
        count.setText(
                shown.isEmpty()
                        ? "No clients match."
                        : shown.size() + (nextCursor == null ? " clients" : " clients shown, more to load"));
    }

    static Span statusBadge(ClientStatus status) {
        Span badge = new Span(label(status));
        badge.getElement().setAttribute("theme", badgeTheme(status));
        return badge;
    }

    private static String badgeTheme(ClientStatus status) {
        return switch (status) {
            case ACTIVE -> "badge success";
            case LEAD -> "badge";
            case PAUSED, ALUMNI -> "badge contrast";
        };
    }

    private static HorizontalLayout chips(List<String> values, String theme) {
        HorizontalLayout chips = new HorizontalLayout();
        chips.setSpacing(false);
        chips.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
        for (String value : values) {
            Span chip = new Span(value);
            chip.getElement().setAttribute("theme", "badge small pill " + theme);
            chips.add(chip);
        }
        return chips;
    }

    static String label(ClientStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    static String flagLabel(String kind) {
        String words = kind.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String sortLabel(RosterSort sort) {
        return switch (sort) {
            case NAME -> "Name A–Z";
            case NAME_DESC -> "Name Z–A";
            case CREATED -> "Oldest first";
            case CREATED_DESC -> "Newest first";
            case STATUS -> "Status";
        };
    }
}
