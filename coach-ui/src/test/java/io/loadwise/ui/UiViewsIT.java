package io.loadwise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.loadwise.catalog.OfferKind;
import io.loadwise.identity.Role;
import io.loadwise.roster.ClientStatus;
import io.loadwise.roster.RosterEntry;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.ui.UiTestData.SeededTenant;
import io.loadwise.ui.admin.TenantsView;
import io.loadwise.ui.portal.PortalHomeView;
import io.loadwise.ui.roster.RosterView;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The views as people use them, browserless (Karibu-Testing) on the real Spring context and a real
 * PostgreSQL with row level security.
 */
@IntegrationTest
@TestPropertySource(properties = "loadwise.ui.roster-page-size=2")
class UiViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    @Autowired
    ApplicationContext context;

    SeededTenant stride;
    SeededTenant north;
    UUID strideOwner = UUID.randomUUID();
    UUID northOwner = UUID.randomUUID();

    @Nullable
    SignedIn signedIn;

    @BeforeEach
    void twoCoachingBusinesses() {
        stride = UiTestData.tenant("Stride Coaching", "USD", "en-US");
        UiTestData.member(stride, strideOwner, "owner", "Casey Coach");
        UiTestData.client(stride, "Cleo Park", "cleo@example.com", ClientStatus.PAUSED);
        UiTestData.client(stride, "Ana Lima", "ana@example.com", ClientStatus.ACTIVE);
        UiTestData.client(stride, "Ben Ortiz", "ben@example.com", ClientStatus.LEAD);
        UiTestData.offer(stride, OfferKind.GUIDE, "Marathon base guide", 2900, "USD", null, 1, true);
        UiTestData.offer(stride, OfferKind.COACHING, "Monthly coaching", 12900, "USD", "month", 2, true);
        UiTestData.offer(stride, OfferKind.CUSTOM_PLAN, "Retired plan", 5000, "USD", null, 3, false);

        north = UiTestData.tenant("Nordlicht Laufen", "EUR", "de-DE");
        UiTestData.member(north, northOwner, "owner", "Nina Coach");
        UiTestData.client(north, "Zora Other", "zora@example.com", ClientStatus.ACTIVE);
        UiTestData.offer(north, OfferKind.CUSTOM_PLAN, "Trainingsplan", 1900, "EUR", null, 1, true);

        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() {
        if (signedIn != null) {
            signedIn.close();
        }
        MockVaadin.tearDown();
    }

    @Test
    void a_coach_sees_their_own_clients_page_by_page_and_none_of_another_business() {
        signedIn = SignedIn.as(strideOwner, "Casey Coach", stride.id(), Role.COACH);

        navigate("coach/roster");

        Grid<RosterEntry> roster = roster();
        assertThat(rows(roster))
                .containsExactly(
                        List.of("Ana Lima", "ana@example.com", "Active", "Unassigned"),
                        List.of("Ben Ortiz", "ben@example.com", "Lead", "Unassigned"));

        _click(_get(Button.class, spec -> spec.withId("load-more")));

        assertThat(rows(roster))
                .extracting(row -> row.get(0))
                .containsExactly("Ana Lima", "Ben Ortiz", "Cleo Park")
                .doesNotContain("Zora Other");
        assertThat(rows(roster).get(2)).containsExactly("Cleo Park", "cleo@example.com", "Paused", "Unassigned");
        _assertNone(Button.class, spec -> spec.withId("load-more"));
        assertThat(_get(Span.class, spec -> spec.withId("roster-count")).getText())
                .isEqualTo("3 clients");
    }

    @Test
    void the_coach_of_the_other_business_sees_only_theirs() {
        signedIn = SignedIn.as(northOwner, "Nina Coach", north.id(), Role.COACH);

        navigate("coach/roster");

        assertThat(rows(roster())).containsExactly(List.of("Zora Other", "zora@example.com", "Active", "Unassigned"));
    }

    @Test
    void the_landing_page_sends_a_coach_to_their_roster() {
        signedIn = SignedIn.as(strideOwner, "Casey Coach", stride.id(), Role.COACH);

        navigate("");

        assertThat(currentView()).isInstanceOf(RosterView.class);
        assertThat(_get(Span.class, spec -> spec.withId("current-user")).getText())
                .isEqualTo("Casey Coach");
    }

    @Test
    void the_landing_page_sends_a_client_to_their_portal() {
        signedIn = SignedIn.as("Ana Lima", stride.id(), Role.CLIENT);

        navigate("");

        assertThat(currentView()).isInstanceOf(PortalHomeView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("t/" + stride.slug() + "/me");
        assertThat(_get(Span.class, spec -> spec.withId("portal-business")).getText())
                .isEqualTo("Stride Coaching");
    }

    @Test
    void the_landing_page_sends_a_platform_admin_to_every_tenant() {
        signedIn = SignedIn.as("Pat Admin", null, Role.PLATFORM_ADMIN);

        navigate("");

        assertThat(currentView()).isInstanceOf(TenantsView.class);
        @SuppressWarnings("unchecked")
        Grid<Tenant> tenants = _get(Grid.class, spec -> spec.withId("tenants"));
        List<Tenant> listed = GridKt._fetch(tenants, 0, GridKt._size(tenants));
        assertThat(listed).extracting(Tenant::slug).contains(stride.slug(), north.slug());
        assertThat(listed)
                .filteredOn(t -> t.slug().equals(north.slug()))
                .singleElement()
                .satisfies(t -> assertThat(t.currency()).isEqualTo("EUR"));
    }

    @Test
    void someone_without_a_loadwise_role_is_told_so_instead_of_being_bounced() {
        signedIn = SignedIn.as("New Person", null);

        navigate("");

        assertThat(_get(Paragraph.class, spec -> spec.withId("no-role")).getText())
                .contains("not linked to a coaching business");
    }

    @Test
    void a_visitor_sees_a_storefront_with_its_active_offers_priced_in_its_currency() {
        navigate("t/" + stride.slug());

        assertThat(_get(H1.class, spec -> spec.withId("tenant-name")).getText()).isEqualTo("Stride Coaching");
        assertThat(offers())
                .containsExactly(
                        List.of("Guide", "Marathon base guide", "$29.00"),
                        List.of("Coaching", "Monthly coaching", "$129.00 / month"));
        assertThat(_get(Anchor.class, spec -> spec.withId("login")).getHref())
                .isEqualTo("/oauth2/authorization/keycloak");
    }

    @Test
    void a_storefront_writes_prices_the_way_its_business_does() {
        navigate("t/" + north.slug());

        assertThat(offers()).containsExactly(List.of("Custom plan", "Trainingsplan", "19,00\u00a0€"));
    }

    @Test
    void an_unknown_storefront_address_shows_the_not_found_page() {
        navigate("t/no-such-business");

        assertThat(currentView()).isInstanceOf(NotFoundView.class);
        assertThat(_get(H2.class, spec -> spec.withId("not-found")).getText()).isEqualTo("Page not found");
        assertThat(_get(Paragraph.class, spec -> spec.withId("not-found-detail"))
                        .getText())
                .isEqualTo("No coaching business has the address /t/no-such-business.");
    }

    @Test
    void a_client_cannot_open_the_coach_roster() {
        signedIn = SignedIn.as("Ana Lima", stride.id(), Role.CLIENT);

        navigate("coach/roster");

        assertThat(currentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(_get(H2.class, spec -> spec.withId("access-denied")).getText())
                .isEqualTo("Access denied");
        _assertNone(Grid.class, spec -> spec.withId("roster"));
    }

    private static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }

    private static Component currentView() {
        return (Component)
                UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }

    @SuppressWarnings("unchecked")
    private static Grid<RosterEntry> roster() {
        return _get(Grid.class, spec -> spec.withId("roster"));
    }

    /** Name, email, status and coach of each row: the columns these tests are about. */
    private static List<List<String>> rows(Grid<RosterEntry> grid) {
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(
                        i -> GridKt._getFormattedRow(grid, GridKt._get(grid, i)).subList(0, 4))
                .toList();
    }

    private static List<List<String>> offers() {
        return _get(Div.class, spec -> spec.withId("offers"))
                .getChildren()
                .map(card -> List.of(text(card, "offer-kind"), text(card, "offer-title"), text(card, "offer-price")))
                .toList();
    }

    private static String text(Component card, String className) {
        return card.getChildren()
                .filter(c -> c.getElement().getClassList().contains(className))
                .map(c -> ((HasText) c).getText())
                .findFirst()
                .orElseThrow();
    }
}
