package io.loadwise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_CONSENTS;
import static io.loadwise.jooq.Tables.CLIENT_FLAGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.identity.Role;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientProfile;
import io.loadwise.roster.ClientProfileService;
import io.loadwise.roster.ClientStatus;
import io.loadwise.roster.CoachRef;
import io.loadwise.roster.Injury;
import io.loadwise.roster.MenopausalStatus;
import io.loadwise.roster.ProfileChanges;
import io.loadwise.roster.RosterEntry;
import io.loadwise.roster.RosterSort;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.ui.UiTestData.SeededTenant;
import io.loadwise.ui.portal.PortalProfileView;
import io.loadwise.ui.roster.ClientDetailView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The roster, client detail and portal profile views as coaches and clients use them, browserless
 * (Karibu-Testing) on the real Spring context and PostgreSQL.
 */
@IntegrationTest
class RosterViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");
    static final String CONFLICT = "This was changed by someone else — reloaded with their changes; apply yours again.";

    @Autowired
    ApplicationContext context;

    @Autowired
    ClientProfileService profiles;

    SeededTenant stride;
    SeededTenant other;
    UUID ownerUser = UUID.randomUUID();
    UUID coachUser = UUID.randomUUID();
    UUID anaUser = UUID.randomUUID();
    UUID coachMember;
    UUID ownerMember;
    UUID ana;
    UUID ben;
    UUID cleo;
    UUID elsewhere;

    @Nullable
    SignedIn signedIn;

    @BeforeEach
    void aBusinessWithAnOwnerACoachAndClients() {
        stride = UiTestData.tenant("Stride Coaching", "USD", "en-US");
        ownerMember = UiTestData.member(stride, ownerUser, "owner", "Ruth Owner");
        coachMember = UiTestData.member(stride, coachUser, "coach", "Sam Coach");
        ana = UiTestData.client(stride, anaUser, "Ana Lima", "ana@example.com", ClientStatus.ACTIVE, coachMember);
        ben = UiTestData.client(stride, UUID.randomUUID(), "Ben Ortiz", "ben@example.com", ClientStatus.LEAD, null);
        cleo = UiTestData.client(
                stride, UUID.randomUUID(), "Cleo <b>Park</b>", "cleo@example.com", ClientStatus.PAUSED, ownerMember);
        TestTenants.seed(stride.id(), db -> {
            db.update(CLIENTS)
                    .set(CLIENTS.TAGS, new String[] {"marathon", "masters"})
                    .where(CLIENTS.ID.eq(ana))
                    .execute();
            db.update(CLIENTS)
                    .set(CLIENTS.TAGS, new String[] {"trail"})
                    .where(CLIENTS.ID.eq(cleo))
                    .execute();
            db.insertInto(CLIENT_FLAGS)
                    .set(CLIENT_FLAGS.TENANT_ID, stride.id().value())
                    .set(CLIENT_FLAGS.CLIENT_ID, cleo)
                    .set(CLIENT_FLAGS.KIND, "pain_spike")
                    .set(CLIENT_FLAGS.DETAIL, "Pain 6/10")
                    .set(CLIENT_FLAGS.RAISED_AT, OffsetDateTime.now())
                    .execute();
        });
        other = UiTestData.tenant("Other Business", "EUR", "en");
        elsewhere = UiTestData.client(other, "Zora Other", "zora@example.com", ClientStatus.ACTIVE);

        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() {
        if (signedIn != null) {
            signedIn.close();
        }
        MockVaadin.tearDown();
    }

    // --- roster -------------------------------------------------------------------------------------

    @Test
    void the_owner_searches_filters_and_sorts_the_roster() {
        signedIn = SignedIn.as(ownerUser, "Ruth Owner", stride.id(), Role.COACH);
        navigate("coach/roster");

        assertThat(names()).containsExactly("Ana Lima", "Ben Ortiz", "Cleo <b>Park</b>");
        assertThat(row(0)).containsSequence("Ana Lima", "ana@example.com", "Active", "Sam Coach");

        _get(TextField.class, spec -> spec.withId("roster-search")).setValue("CLEO");
        assertThat(names()).containsExactly("Cleo <b>Park</b>");
        _get(TextField.class, spec -> spec.withId("roster-search")).setValue("");

        statusFilter().setValue(Set.of(ClientStatus.ACTIVE, ClientStatus.LEAD));
        assertThat(names()).containsExactly("Ana Lima", "Ben Ortiz");
        statusFilter().clear();

        comboBox("roster-tag").setValue("trail");
        assertThat(names()).containsExactly("Cleo <b>Park</b>");
        assertThat(entries().getFirst().tags()).containsExactly("trail");
        comboBox("roster-tag").clear();

        @SuppressWarnings("unchecked")
        ComboBox<CoachRef> coach = _get(ComboBox.class, spec -> spec.withId("roster-coach"));
        assertThat(coach.isVisible()).isTrue();
        coach.setValue(new CoachRef(coachMember, "Sam Coach"));
        assertThat(names()).containsExactly("Ana Lima");
        coach.clear();

        comboBox("roster-flag").setValue("pain_spike");
        assertThat(names()).containsExactly("Cleo <b>Park</b>");
        assertThat(entries().getFirst().flags()).containsExactly("pain_spike");
        comboBox("roster-flag").clear();

        @SuppressWarnings("unchecked")
        Select<RosterSort> sort = _get(Select.class, spec -> spec.withId("roster-sort"));
        sort.setValue(RosterSort.NAME_DESC);
        assertThat(names()).containsExactly("Cleo <b>Park</b>", "Ben Ortiz", "Ana Lima");
    }

    @Test
    void a_coach_sees_only_their_own_clients_and_no_coach_filter() {
        signedIn = SignedIn.as(coachUser, "Sam Coach", stride.id(), Role.COACH);
        navigate("coach/roster");

        assertThat(names()).containsExactly("Ana Lima");
        _assertNone(ComboBox.class, spec -> spec.withId("roster-coach"));
    }

    @Test
    void clicking_a_client_opens_their_detail_with_the_profile_and_notes_tabs_in_order() {
        signedIn = SignedIn.as(ownerUser, "Ruth Owner", stride.id(), Role.COACH);
        navigate("coach/roster");

        GridKt._clickItem(roster(), 0, 1, false, false, false, false);

        assertThat(currentView()).isInstanceOf(ClientDetailView.class);
        assertThat(_get(H2.class, spec -> spec.withId("client-name")).getText()).isEqualTo("Ana Lima");
        List<String> labels = _get(Tabs.class, spec -> spec.withId("client-tabs"))
                .getChildren()
                .map(tab -> ((Tab) tab).getLabel())
                .toList();
        assertThat(labels).containsSubsequence("Profile", "Notes");
        assertThat(labels.getFirst()).isEqualTo("Profile");
        assertThat(_get(TextField.class, spec -> spec.withId("profile-name")).getValue())
                .isEqualTo("Ana Lima");
    }

    @Test
    void a_client_of_another_coach_or_business_is_not_found() {
        signedIn = SignedIn.as(coachUser, "Sam Coach", stride.id(), Role.COACH);

        navigate("coach/clients/" + ben);
        assertThat(currentView()).isInstanceOf(NotFoundView.class);

        navigate("coach/clients/" + elsewhere);
        assertThat(currentView()).isInstanceOf(NotFoundView.class);

        navigate("coach/clients/not-a-uuid");
        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }

    // --- client detail: profile -------------------------------------------------------------------------

    @Test
    void a_coach_saves_the_profile_and_a_concurrent_edit_is_reported_not_overwritten() {
        signedIn = SignedIn.as(ownerUser, "Ruth Owner", stride.id(), Role.COACH);
        navigate("coach/clients/" + ana);

        _get(TextField.class, spec -> spec.withId("profile-name")).setValue("Ana Lima-Souza");
        tagsField().setValue(Set.of("marathon", "masters", "hills"));
        _get(BigDecimalField.class, spec -> spec.withId("profile-weekly-volume"))
                .setValue(new BigDecimal("42.5"));
        _click(_get(Button.class, spec -> spec.withId("save-profile")));

        NotificationsKt.expectNotifications("Profile saved.");
        assertThat(_get(H2.class, spec -> spec.withId("client-name")).getText()).isEqualTo("Ana Lima-Souza");
        ClientProfile saved = profiles.profile(new ClientId(ana));
        assertThat(saved.displayName()).isEqualTo("Ana Lima-Souza");
        assertThat(saved.tags()).containsExactlyInAnyOrder("marathon", "masters", "hills");
        assertThat(saved.weeklyVolumeKm()).isEqualByComparingTo("42.5");

        // Someone else saves while this coach is still typing.
        _get(TextField.class, spec -> spec.withId("profile-name")).setValue("Mine");
        profiles.updateProfile(
                new ClientId(ana),
                saved.version(),
                new ProfileChanges("Theirs", ClientStatus.PAUSED, saved.tags(), null, null, null, null, null));
        _click(_get(Button.class, spec -> spec.withId("save-profile")));

        NotificationsKt.expectNotifications(CONFLICT);
        assertThat(profiles.profile(new ClientId(ana)).displayName()).isEqualTo("Theirs");
        assertThat(_get(TextField.class, spec -> spec.withId("profile-name")).getValue())
                .isEqualTo("Theirs");
    }

    @Test
    void bad_profile_input_is_shown_inline_and_not_saved() {
        signedIn = SignedIn.as(ownerUser, "Ruth Owner", stride.id(), Role.COACH);
        navigate("coach/clients/" + ana);
        int version = profiles.profile(new ClientId(ana)).version();

        BigDecimalField volume = _get(BigDecimalField.class, spec -> spec.withId("profile-weekly-volume"));
        volume.setValue(new BigDecimal("1500"));
        TextField name = _get(TextField.class, spec -> spec.withId("profile-name"));
        name.setValue("");
        _click(_get(Button.class, spec -> spec.withId("save-profile")));

        assertThat(volume.isInvalid()).isTrue();
        assertThat(volume.getErrorMessage()).contains("between 0 and 1000 km");
        assertThat(name.isInvalid()).isTrue();
        assertThat(profiles.profile(new ClientId(ana)).version()).isEqualTo(version);
    }

    @Test
    void consent_is_shown_read_only_and_the_status_can_be_set_only_with_it() {
        signedIn = SignedIn.as(ownerUser, "Ruth Owner", stride.id(), Role.COACH);
        navigate("coach/clients/" + ana);

        assertThat(menopausalSelect("profile-menopausal-status").isEnabled()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("consent-state")).getText())
                .contains("Only the client can give it");
        _assertNone(Checkbox.class, spec -> spec.withId("menopausal-consent"));
    }

    @Test
    void the_owner_assigns_coaches_and_the_coach_then_sees_the_client() {
        signedIn = SignedIn.as(ownerUser, "Ruth Owner", stride.id(), Role.COACH);
        navigate("coach/clients/" + ben);

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<CoachRef> coCoaches = _get(MultiSelectComboBox.class, spec -> spec.withId("co-coaches"));
        coCoaches.setValue(Set.of(new CoachRef(coachMember, "Sam Coach")));
        _click(_get(Button.class, spec -> spec.withId("save-coaches")));

        assertThat(profiles.profile(new ClientId(ben)).coCoaches())
                .extracting(CoachRef::name)
                .containsExactly("Sam Coach");
    }

    @Test
    void injuries_are_added_with_dates_checked_inline_and_removed() {
        signedIn = SignedIn.as(ownerUser, "Ruth Owner", stride.id(), Role.COACH);
        navigate("coach/clients/" + ana);

        _click(_get(Button.class, spec -> spec.withId("add-injury")));
        _get(TextField.class, spec -> spec.withId("injury-condition")).setValue("Proximal hamstring tendinopathy");
        DatePicker since = _get(DatePicker.class, spec -> spec.withId("injury-since"));
        since.setValue(LocalDate.now().plusDays(3));
        _click(_get(Button.class, spec -> spec.withId("save-injury")));
        assertThat(since.isInvalid()).isTrue();
        assertThat(since.getErrorMessage()).contains("cannot start in the future");

        since.setValue(LocalDate.now().minusMonths(2));
        _click(_get(Button.class, spec -> spec.withId("save-injury")));

        @SuppressWarnings("unchecked")
        Grid<Injury> injuries = _get(Grid.class, spec -> spec.withId("injuries"));
        assertThat(GridKt._size(injuries)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(injuries, GridKt._get(injuries, 0)))
                .startsWith("Proximal hamstring tendinopathy", "None");

        injuries.select(GridKt._get(injuries, 0));
        _click(_get(Button.class, spec -> spec.withId("remove-injury")));
        assertThat(GridKt._size(injuries)).isZero();
        assertThat(profiles.profile(new ClientId(ana)).injuries()).isEmpty();
    }

    // --- client detail: notes ------------------------------------------------------------------------

    @Test
    void notes_are_added_shown_as_text_edited_and_deleted() {
        signedIn = SignedIn.as(coachUser, "Sam Coach", stride.id(), Role.COACH);
        navigate("coach/clients/" + ana);
        openNotes();

        String html = "<img src=x onerror=alert(1)> hamstring <b>better</b>";
        _get(TextArea.class, spec -> spec.withId("new-note")).setValue(html);
        _click(_get(Button.class, spec -> spec.withId("add-note")));

        Paragraph body = _get(Paragraph.class, spec -> spec.withClasses("note-body"));
        assertThat(body.getText()).isEqualTo(html);
        assertThat(body.getElement().getChildren()).as("text, not parsed HTML").allMatch(e -> e.isTextNode());
        assertThat(body.getElement().getProperty("innerHTML")).isNull();
        assertThat(profiles.notes(new ClientId(ana))).singleElement().satisfies(n -> {
            assertThat(n.body()).isEqualTo(html);
            assertThat(n.authorId()).isEqualTo(coachMember);
        });

        _click(_get(Button.class, spec -> spec.withClasses("edit-note")));
        _get(TextArea.class, spec -> spec.withClasses("note-editor")).setValue("Hamstring fine now");
        _click(_get(Button.class, spec -> spec.withClasses("save-note")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("note-body")).getText())
                .isEqualTo("Hamstring fine now");

        _click(_get(Button.class, spec -> spec.withClasses("delete-note")));
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("note-body")))
                .isEmpty();
        assertThat(profiles.notes(new ClientId(ana))).isEmpty();
    }

    @Test
    void an_empty_note_is_refused_inline() {
        signedIn = SignedIn.as(coachUser, "Sam Coach", stride.id(), Role.COACH);
        navigate("coach/clients/" + ana);
        openNotes();

        _click(_get(Button.class, spec -> spec.withId("add-note")));

        TextArea note = _get(TextArea.class, spec -> spec.withId("new-note"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isEqualTo("A note cannot be empty.");
    }

    // --- the client's own profile -------------------------------------------------------------------

    @Test
    void a_client_consents_records_her_status_and_withdrawing_deletes_it() {
        signedIn = SignedIn.as(anaUser, "Ana Lima", stride.id(), Role.CLIENT);
        navigate("t/" + stride.slug() + "/me/profile");
        assertThat(currentView()).isInstanceOf(PortalProfileView.class);

        Select<MenopausalStatus> status = menopausalSelect("my-menopausal-status");
        Checkbox consent = _get(Checkbox.class, spec -> spec.withId("menopausal-consent"));
        assertThat(consent.getValue()).isFalse();
        assertThat(status.isEnabled()).isFalse();

        consent.setValue(true);
        assertThat(status.isEnabled()).isTrue();
        status.setValue(MenopausalStatus.PERIMENOPAUSAL);
        _get(TextArea.class, spec -> spec.withId("my-goal")).setValue("Half marathon in spring");
        _click(_get(Button.class, spec -> spec.withId("save-my-profile")));

        NotificationsKt.expectNotifications("Profile saved.");
        assertThat(profiles.ownProfile().menopausalStatus()).isEqualTo(MenopausalStatus.PERIMENOPAUSAL);
        assertThat(profiles.ownProfile().goal()).isEqualTo("Half marathon in spring");

        consent.setValue(false);
        assertThat(status.isEnabled()).isFalse();
        assertThat(status.getValue()).isNull();
        assertThat(profiles.ownProfile().menopausalStatus()).isNull();
        TestTenants.seed(stride.id(), db -> assertThat(db.selectFrom(CLIENT_CONSENTS)
                        .where(CLIENT_CONSENTS.CLIENT_ID.eq(ana))
                        .fetchSingle()
                        .getWithdrawnAt())
                .isNotNull());
    }

    @Test
    void the_portal_profile_of_another_business_is_not_found() {
        signedIn = SignedIn.as(anaUser, "Ana Lima", stride.id(), Role.CLIENT);

        navigate("t/" + other.slug() + "/me/profile");

        assertThat(currentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    void a_coach_cannot_open_a_clients_portal_profile_and_a_client_cannot_open_client_detail() {
        signedIn = SignedIn.as(anaUser, "Ana Lima", stride.id(), Role.CLIENT);
        navigate("coach/clients/" + ana);
        assertThat(currentView()).isInstanceOf(AccessDeniedView.class);
        _assertNone(Notification.class);
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static void openNotes() {
        _get(Tabs.class, spec -> spec.withId("client-tabs"))
                .setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-notes")));
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

    private static List<RosterEntry> entries() {
        Grid<RosterEntry> grid = roster();
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i))
                .toList();
    }

    private static List<String> names() {
        return entries().stream().map(RosterEntry::displayName).toList();
    }

    private static List<String> row(int index) {
        Grid<RosterEntry> grid = roster();
        return GridKt._getFormattedRow(grid, GridKt._get(grid, index));
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<ClientStatus> statusFilter() {
        return _get(MultiSelectComboBox.class, spec -> spec.withId("roster-status"));
    }

    @SuppressWarnings("unchecked")
    private static MultiSelectComboBox<String> tagsField() {
        return _get(MultiSelectComboBox.class, spec -> spec.withId("profile-tags"));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> comboBox(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Select<MenopausalStatus> menopausalSelect(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }
}
