package io.loadwise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.TENANTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.identity.Role;
import io.loadwise.onboarding.AccountLinkPurpose;
import io.loadwise.onboarding.AccountLinks;
import io.loadwise.roster.ClientStatus;
import io.loadwise.team.TeamMember;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.KeycloakTestData;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.ui.UiTestData.SeededTenant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The onboarding, settings and team views as people use them, browserless (Karibu-Testing) on the
 * real Spring context, PostgreSQL with row level security, and a real Keycloak.
 */
@IntegrationTest(keycloak = true)
class OnboardingViewsIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountLinks links;

    @Autowired
    TransactionTemplate tx;

    SeededTenant stride;
    UUID ownerUser = UUID.randomUUID();
    UUID owner;
    UUID coach;

    @Nullable
    SignedIn signedIn;

    @BeforeEach
    void aBusinessWithAnOwnerAndACoach() {
        stride = UiTestData.tenant("Stride Coaching", "USD", "en-US");
        owner = member(stride.id(), ownerUser, "owner", "owner-" + ownerUser + "@example.com", "Olu Owner");
        coach = member(
                stride.id(), UUID.randomUUID(), "coach", "coach-" + UUID.randomUUID() + "@example.com", "Cal Coach");
        UiTestData.client(stride, "Ana Lima", "ana-" + UUID.randomUUID() + "@example.com", ClientStatus.ACTIVE);
        TestTenants.seed(
                stride.id(),
                db -> db.update(CLIENTS).set(CLIENTS.COACH_ID, coach).execute());
        MockVaadin.setup(UI::new, new MockSpringServlet(UiViewsIT.ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() {
        if (signedIn != null) {
            signedIn.close();
        }
        MockVaadin.tearDown();
    }

    @Test
    void the_signup_suggests_an_address_explains_bad_input_inline_and_then_asks_to_check_the_inbox() {
        UI.getCurrent().navigate("signup");
        String unique = UUID.randomUUID().toString().substring(0, 8);

        type(_get(TextField.class, spec -> spec.withId("business-name")), "Trail Crew " + unique);
        TextField slug = _get(TextField.class, spec -> spec.withId("slug"));
        assertThat(slug.getValue()).isEqualTo("trail-crew-" + unique);

        type(slug, "admin");
        type(_get(TextField.class, spec -> spec.withId("owner-name")), "Tess <b>Trail</b>");
        type(_get(EmailField.class, spec -> spec.withId("owner-email")), "not-an-email");
        _click(_get(Button.class, spec -> spec.withId("sign-up")));

        assertThat(slug.isInvalid()).isTrue();
        assertThat(slug.getErrorMessage()).contains("reserved");
        assertThat(_get(EmailField.class, spec -> spec.withId("owner-email")).isInvalid())
                .isTrue();

        type(slug, stride.slug());
        type(_get(EmailField.class, spec -> spec.withId("owner-email")), "tess-" + unique + "@example.com");
        _click(_get(Button.class, spec -> spec.withId("sign-up")));
        assertThat(slug.isInvalid()).isTrue();
        assertThat(slug.getErrorMessage()).contains("already taken");

        type(slug, "trail-crew-" + unique);
        _click(_get(Button.class, spec -> spec.withId("sign-up")));

        assertThat(_get(H1.class, spec -> spec.withId("signup-done")).getText()).isEqualTo("Check your inbox");
        AtomicReference<String> status = new AtomicReference<>();
        TestTenants.seed(
                stride.id(),
                db -> status.set(db.select(TENANTS.STATUS)
                        .from(TENANTS)
                        .where(TENANTS.SLUG.eq("trail-crew-" + unique))
                        .fetchOne(TENANTS.STATUS)));
        assertThat(status.get()).isEqualTo("pending");
    }

    @Test
    void a_link_that_is_not_ours_gets_a_page_saying_so() {
        UI.getCurrent().navigate("welcome/not-a-real-link");

        assertThat(_get(H1.class, spec -> spec.withId("link-unusable")).getText())
                .isEqualTo("This link is not valid");
        assertThat(_get(Paragraph.class, spec -> spec.withId("link-unusable-reason"))
                        .getText())
                .contains("send the invite again");
    }

    @Test
    void an_invited_coach_chooses_a_password_that_keycloaks_policy_accepts_and_can_log_in() {
        String username = "welcome-" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.com";
        UUID user;
        try (KeycloakTestData keycloak = KeycloakTestData.of(TestInfrastructure.keycloak())) {
            user = UUID.fromString(keycloak.createUser(username, "temporary-password", null, "coach"));
        }
        UUID member = member(stride.id(), user, "coach", email, "Wen Welcome");
        String token = TenantContext.callAs(
                stride.id(), () -> tx.execute(s -> links.issue(member, AccountLinkPurpose.INVITE)));

        UI.getCurrent().navigate("welcome/" + token);

        assertThat(_get(H1.class, spec -> spec.withId("welcome-title")).getText())
                .isEqualTo("Welcome to Stride Coaching");
        assertThat(_get(Paragraph.class, spec -> spec.withId("welcome-email")).getText())
                .contains(email);
        PasswordField password = _get(PasswordField.class, spec -> spec.withId("password"));
        PasswordField repeat = _get(PasswordField.class, spec -> spec.withId("password-repeat"));
        type(password, "short");
        type(repeat, "different");
        _click(_get(Button.class, spec -> spec.withId("set-password")));
        assertThat(repeat.isInvalid()).isTrue();

        type(repeat, "short");
        _click(_get(Button.class, spec -> spec.withId("set-password")));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).containsIgnoringCase("length");

        type(password, "a-much-better-password");
        type(repeat, "a-much-better-password");
        _click(_get(Button.class, spec -> spec.withId("set-password")));

        assertThat(_get(H1.class, spec -> spec.withId("welcome-done")).getText())
                .isEqualTo("Your password is set");
        assertThat(TestInfrastructure.keycloak().tokenFor(username, "a-much-better-password"))
                .isNotBlank();
        UI.getCurrent().navigate("welcome/" + token);
        assertThat(_get(H1.class, spec -> spec.withId("link-unusable")).getText())
                .isEqualTo("This link was already used");
    }

    @Test
    void the_owner_edits_settings_with_inline_validation_and_a_conflict_reloads() {
        signedIn = SignedIn.as(ownerUser, "Olu Owner", stride.id(), Role.COACH);
        UI.getCurrent().navigate("coach/settings");

        TextField name = _get(TextField.class, spec -> spec.withId("settings-name"));
        TextField colour = _get(TextField.class, spec -> spec.withId("settings-brand-color"));
        assertThat(name.getValue()).isEqualTo("Stride Coaching");
        type(colour, "red");
        _click(_get(Button.class, spec -> spec.withId("save-settings")));
        assertThat(colour.isInvalid()).isTrue();

        type(colour, "#0F766E");
        type(name, "Stride & <i>Co</i>");
        _click(_get(Button.class, spec -> spec.withId("save-settings")));
        assertThat(colour.isInvalid()).isFalse();
        assertThat(storedName()).isEqualTo("Stride & <i>Co</i>");

        // Someone else saves in between: this page's version is stale.
        TestTenants.seed(stride.id(), db -> db.update(TENANTS)
                .set(TENANTS.NAME, "Renamed Elsewhere")
                .set(TENANTS.VERSION, TENANTS.VERSION.plus(1))
                .where(TENANTS.ID.eq(stride.id().value()))
                .execute());
        type(name, "My Late Change");
        _click(_get(Button.class, spec -> spec.withId("save-settings")));

        assertThat(NotificationsKt.getNotifications())
                .anySatisfy(n -> assertThat(n.getElement().getProperty("text")).contains("changed by someone else"));
        assertThat(name.getValue()).isEqualTo("Renamed Elsewhere");
        assertThat(storedName()).isEqualTo("Renamed Elsewhere");
    }

    @Test
    void a_coach_who_is_not_the_owner_sees_no_settings_form() {
        signedIn = SignedIn.as(UUID.randomUUID(), "Cal Coach", stride.id(), Role.COACH);

        UI.getCurrent().navigate("coach/settings");

        assertThat(_get(Paragraph.class, spec -> spec.withId("owners-only")).getText())
                .contains("Only the owner");
        assertThat(_find(TextField.class, spec -> spec.withId("settings-name"))).isEmpty();
    }

    @Test
    void the_owner_sees_the_team_invites_with_inline_validation_and_removes_a_coach_handing_clients_over() {
        signedIn = SignedIn.as(ownerUser, "Olu Owner", stride.id(), Role.COACH);
        UI.getCurrent().navigate("coach/team");

        assertThat(names()).containsExactly("Cal Coach", "Olu Owner");

        _click(_get(Button.class, spec -> spec.withId("invite-coach")));
        type(_get(EmailField.class, spec -> spec.withId("invite-email")), "nope");
        _click(_get(Button.class, spec -> spec.withId("send-invite")));
        assertThat(_get(EmailField.class, spec -> spec.withId("invite-email")).isInvalid())
                .isTrue();
        _click(_get(Button.class, spec -> spec.withText("Cancel")));

        @SuppressWarnings("unchecked")
        Grid<TeamMember> team = _get(Grid.class, spec -> spec.withId("team"));
        // Row 0 is Cal Coach; the owner's own row offers no removal.
        assertThat(GridKt._getCellComponent(team, 1, "actions").isVisible()).isFalse();
        _click((Button) GridKt._getCellComponent(team, 0, "actions"));
        @SuppressWarnings("unchecked")
        ComboBox<TeamMember> successor = _get(ComboBox.class, spec -> spec.withId("successor"));
        _click(_get(Button.class, spec -> spec.withId("confirm-remove")));
        assertThat(successor.isInvalid()).isTrue();
        successor.setValue(successor
                .getListDataView()
                .getItems()
                .filter(m -> m.id().equals(owner))
                .findFirst()
                .orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("confirm-remove")));

        AtomicReference<UUID> lead = new AtomicReference<>();
        TestTenants.seed(
                stride.id(),
                db -> lead.set(db.select(CLIENTS.COACH_ID).from(CLIENTS).fetchOne(CLIENTS.COACH_ID)));
        assertThat(lead.get()).isEqualTo(owner);
        @SuppressWarnings("unchecked")
        Grid<TeamMember> grid = _get(Grid.class, spec -> spec.withId("team"));
        assertThat(IntStream.range(0, GridKt._size(grid))
                        .mapToObj(i -> GridKt._getFormattedRow(grid, GridKt._get(grid, i)))
                        .toList())
                .anySatisfy(row ->
                        assertThat(row.subList(0, 4)).containsExactly("Cal Coach", row.get(1), "Coach", "Removed"));
    }

    /** What typing does, as far as the views care: Karibu's _setValue doesn't reach Vaadin 25.2's fields. */
    private static <V> void type(HasValue<?, V> field, V value) {
        field.setValue(value);
    }

    private List<String> names() {
        @SuppressWarnings("unchecked")
        Grid<TeamMember> grid = _get(Grid.class, spec -> spec.withId("team"));
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i).displayName())
                .toList();
    }

    private String storedName() {
        AtomicReference<String> name = new AtomicReference<>();
        TestTenants.seed(
                stride.id(),
                db -> name.set(db.select(TENANTS.NAME)
                        .from(TENANTS)
                        .where(TENANTS.ID.eq(stride.id().value()))
                        .fetchOne(TENANTS.NAME)));
        return name.get();
    }

    private static UUID member(TenantId tenant, UUID user, String role, String email, String name) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, id)
                .set(MEMBERS.USER_ID, user)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, email.toLowerCase())
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }
}
