package io.loadwise.ui.plans;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.plans.PlanOverview;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.RevisionRequest;
import io.loadwise.plans.RevisionSource;
import io.loadwise.plans.TemplateCondition;
import io.loadwise.plans.templates.PlanTemplate;
import io.loadwise.plans.templates.internal.TemplateRepository;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.SampleTemplates;
import io.loadwise.ui.messaging.Team;
import io.loadwise.ui.roster.ClientDetailTab;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coach assigns and edits a plan in the client's Plan tab; the client sees it in her portal's
 * Today and My plan pages and makes a calendar link — browserless, on the real Spring context and
 * PostgreSQL.
 */
@IntegrationTest
class PlanViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    @Autowired
    ApplicationContext context;

    @Autowired
    List<ClientDetailTab> tabs;

    @Autowired
    TemplateRepository templates;

    @Autowired
    PlanStore store;

    @Autowired
    io.loadwise.plans.PlanLifecycle lifecycle;

    @Autowired
    PlatformTransactionManager transactionManager;

    Team team;
    AutoCloseable signedIn;

    @BeforeEach
    void setUp() {
        team = Team.of("Cadence Coaching");
        insertTemplate(
                team.tenant.id(),
                templates,
                new TransactionTemplate(transactionManager),
                "Hamstring return to run",
                TemplateCondition.HAMSTRING);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() throws Exception {
        signOut();
        MockVaadin.tearDown();
    }

    @Test
    void a_coach_assigns_a_plan_edits_a_session_and_sees_why_a_stale_edit_was_not_saved() throws Exception {
        signIn(team.lead);
        PlanPanel panel = (PlanPanel) tab("Plan").content(team.annClient);
        UI.getCurrent().add(panel);
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-plan")).getText())
                .isEqualTo("No current plan.");

        _click(_get(Button.class, spec -> spec.withId("assign-plan")));
        _get(DatePicker.class, spec -> spec.withId("assign-start")).setValue(today().minusDays(60));
        _click(_get(Button.class, spec -> spec.withId("assign-save")));
        assertThat(_get(Select.class, spec -> spec.withId("assign-template")).isInvalid())
                .as("no template chosen")
                .isTrue();
        @SuppressWarnings("unchecked")
        Select<PlanTemplate> template = _get(Select.class, spec -> spec.withId("assign-template"));
        template.setValue(template.getListDataView().getItem(0));
        _click(_get(Button.class, spec -> spec.withId("assign-save")));
        DatePicker start = _get(DatePicker.class, spec -> spec.withId("assign-start"));
        assertThat(start.isInvalid()).isTrue();
        assertThat(start.getErrorMessage()).contains("at most 28 days ago");
        start.setValue(today());
        _click(_get(Button.class, spec -> spec.withId("assign-save")));
        MockVaadin.clientRoundtrip(false);

        assertThat(_get(Paragraph.class, spec -> spec.withId("plan-message")).getText())
                .isEqualTo("Plan assigned.");
        assertThat(_find(Div.class, spec -> spec.withClasses("plan-session"))).hasSize(28);
        assertThat(_get(Paragraph.class, spec -> spec.withId("plan-summary")).getText())
                .contains("Isometrics and pain control")
                .contains("revision 1");

        PlanOverview plan = signedInPlan();
        PlanSession tuesday = plan.weeks().getFirst().sessions().stream()
                .filter(s -> s.spec().title().equals("Easy run 20 min"))
                .findFirst()
                .orElseThrow();
        _click(_get(Div.class, spec -> spec.withId("session-" + tuesday.id())));
        _get(TextField.class, spec -> spec.withId("session-title")).setValue("Easy run 15 min");
        _get(IntegerField.class, spec -> spec.withId("session-duration")).setValue(15);
        _get(TextField.class, spec -> spec.withId("session-reason")).setValue("Shorter while the hamstring settles.");
        _click(_get(Button.class, spec -> spec.withId("session-save")));
        MockVaadin.clientRoundtrip(false);

        Div card = _get(Div.class, spec -> spec.withId("session-" + tuesday.id()));
        assertThat(card.getTitle().orElseThrow()).contains("Shorter while the hamstring settles.");
        assertThat(_find(Div.class, spec -> spec.withClasses("session-change")))
                .extracting(Div::getText)
                .containsExactly("Changed: Shorter while the hamstring settles.");
        assertThat(_find(
                        ListItem.class,
                        spec -> spec.withText(
                                "Revision 2 · coach_edit by Leo Lead: Shorter while the hamstring settles.")))
                .hasSize(1);

        // The coach opens another session; meanwhile the plan engine revises the plan.
        PlanSession monday = plan.weeks().getFirst().sessions().getFirst();
        _click(_get(Div.class, spec -> spec.withId("session-" + monday.id())));
        TenantContext.runAs(team.tenant.id(), () -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> store.revise(new RevisionRequest(
                        plan.plan().id(),
                        2,
                        RevisionKind.HOLD,
                        RevisionSource.ENGINE,
                        "Next-morning pain 6/10: holding the load.",
                        List.of(),
                        null,
                        null,
                        UUID.randomUUID(),
                        null))));
        _get(TextField.class, spec -> spec.withId("session-title")).setValue("Bridge holds, lighter");
        _click(_get(Button.class, spec -> spec.withId("session-save")));
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Paragraph.class, spec -> spec.withId("plan-message")).getText())
                .contains("the plan engine")
                .contains("Next-morning pain 6/10")
                .endsWith("— reloaded.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("plan-summary")).getText())
                .contains("revision 3");
        assertThat(_find(Div.class, spec -> spec.withClasses("session-title")))
                .extracting(Div::getText)
                .doesNotContain("Bridge holds, lighter");

        _click(_get(Button.class, spec -> spec.withId("plan-add-session")));
        _get(DatePicker.class, spec -> spec.withId("add-date")).setValue(today().plusWeeks(6));
        _get(TextField.class, spec -> spec.withId("add-title")).setValue("Foam rolling");
        _click(_get(Button.class, spec -> spec.withId("add-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("add-error")).getText())
                .contains("outside the plan");
        _get(DatePicker.class, spec -> spec.withId("add-date")).setValue(today().plusDays(1));
        _click(_get(Button.class, spec -> spec.withId("add-save")));
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(Paragraph.class, spec -> spec.withId("plan-message")).getText())
                .isEqualTo("Session added.");
        assertThat(_find(Div.class, spec -> spec.withClasses("plan-session"))).hasSize(29);

        _click(_get(Button.class, spec -> spec.withId("plan-pause")));
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("plan-status"))
                        .getText())
                .isEqualTo("paused");
        _click(_get(Button.class, spec -> spec.withId("plan-resume")));
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("plan-status"))
                        .getText())
                .isEqualTo("active");
        UI.getCurrent().remove(panel);

        // Ann in her portal.
        signIn(team.ann);
        UI.getCurrent().navigate("t/" + team.tenant.slug() + "/me/today");
        assertThat(_find(Div.class, spec -> spec.withClasses("plan-session"))).isNotEmpty();
        assertThat(_get(Div.class, spec -> spec.withId("week-strip"))).isNotNull();
        UI.getCurrent().navigate("t/" + team.tenant.slug() + "/me/plan");
        assertThat(_get(Paragraph.class, spec -> spec.withId("plan-week-title")).getText())
                .contains("Isometrics and pain control");
        LocalDate monday0 = today().with(java.time.DayOfWeek.MONDAY);
        assertThat(_get(Paragraph.class, spec -> spec.withId("plan-week-title")).getText())
                .startsWith("Week of " + monday0);
        _click(_get(Button.class, spec -> spec.withId("week-next")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("plan-week-title")).getText())
                .startsWith("Week of " + monday0.plusWeeks(1));

        _click(_get(Button.class, spec -> spec.withId("feed-create")));
        String url = _get(TextField.class, spec -> spec.withId("feed-url")).getValue();
        assertThat(url).contains("/calendar/" + team.tenant.id() + "/").endsWith(".ics");
        _click(_get(Button.class, spec -> spec.withId("feed-revoke")));
        assertThat(_find(TextField.class, spec -> spec.withId("feed-url"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("feed-revoke"))).isEmpty();
    }

    @Test
    void a_custom_plan_purchase_shows_up_as_a_task_the_lead_coach_marks_done() throws Exception {
        insertTemplate(
                team.tenant.id(),
                templates,
                new TransactionTemplate(transactionManager),
                "Onboarding",
                TemplateCondition.ONBOARDING);
        TenantContext.runAs(team.tenant.id(), () -> lifecycle.customPlanBought(team.beaClient, "order-ui-1"));
        signIn(team.otherCoach);
        UI.getCurrent().navigate("coach/tasks");
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-tasks")).getText())
                .isEqualTo("No open tasks.");

        signIn(team.lead);
        UI.getCurrent().navigate("coach/roster");
        UI.getCurrent().navigate("coach/tasks");
        assertThat(_find(com.vaadin.flow.component.html.Span.class))
                .extracting(com.vaadin.flow.component.html.Span::getText)
                .contains("Build the custom plan for Bea Runner · ");
        _click(_find(Button.class).stream()
                .filter(b -> b.getId().orElse("").startsWith("task-done-"))
                .findFirst()
                .orElseThrow());
        assertThat(_get(Paragraph.class, spec -> spec.withId("no-tasks")).getText())
                .isEqualTo("No open tasks.");
    }

    @Test
    void a_client_without_a_plan_is_told_so() throws Exception {
        signIn(team.bea);
        UI.getCurrent().navigate("t/" + team.tenant.slug() + "/me/today");
        assertThat(_get(Paragraph.class, spec -> spec.withId("today-no-plan")).getText())
                .contains("no plan yet");
    }

    private PlanOverview signedInPlan() {
        return context.getBean(io.loadwise.plans.PlanService.class)
                .currentPlan(team.annClient)
                .orElseThrow();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private ClientDetailTab tab(String label) {
        return tabs.stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow();
    }

    private void signIn(Team.Person person) throws Exception {
        signOut();
        signedIn = team.signIn(person);
    }

    private void signOut() throws Exception {
        if (signedIn != null) {
            signedIn.close();
            signedIn = null;
        }
    }

    /** A template written straight to the repository (the template views have their own tests). */
    static io.loadwise.plans.TemplateId insertTemplate(
            io.loadwise.tenancy.TenantId tenant,
            io.loadwise.plans.templates.internal.TemplateRepository templates,
            org.springframework.transaction.support.TransactionTemplate transactions,
            String name,
            io.loadwise.plans.TemplateCondition condition) {
        return io.loadwise.tenancy.TenantContext.callAs(
                tenant,
                () -> transactions.execute(status ->
                        templates.insert(name, "Test template", condition, SampleTemplates.hamstring(), null, null)));
    }
}
