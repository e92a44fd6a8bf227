package io.loadwise.ui.checkins;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import io.loadwise.checkins.CheckIn;
import io.loadwise.checkins.CheckInService;
import io.loadwise.checkins.SessionLog;
import io.loadwise.checkins.SessionOutcome;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.StrengthSession;
import io.loadwise.testsupport.HamstringTestPlan;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.ui.ChartImage;
import io.loadwise.ui.messaging.Team;
import io.loadwise.ui.roster.ClientDetailTab;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A client checks in and logs sessions in her portal and sees her charts; her coach sees the same
 * in the Progress tab. Browserless (Karibu-Testing) on the real Spring context and PostgreSQL.
 */
@IntegrationTest
class CheckInViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    @Autowired
    ApplicationContext context;

    @Autowired
    CheckInService checkIns;

    @Autowired
    PlanStore plans;

    @Autowired
    List<ClientDetailTab> tabs;

    Team team;
    PlanSnapshot plan;
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    AutoCloseable signedIn;

    @BeforeEach
    void setUp() {
        team = Team.of("Stride Coaching");
        plan = HamstringTestPlan.activePlan(plans, team.tenant.id(), team.annClient, today.minusDays(7));
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() throws Exception {
        signOut();
        MockVaadin.tearDown();
    }

    @Test
    void a_pain_score_of_11_is_refused_next_to_the_field_and_a_valid_check_in_is_saved() throws Exception {
        signIn(team.ann);
        navigate("t/" + team.tenant.slug() + "/me/check-in");
        assertThat(_get(Component.class, spec -> spec.withId("pain-zones"))
                        .getElement()
                        .getTextRecursively())
                .contains("0 to 2 — safe", "3 to 5 — acceptable", "Above 5 — too much");

        field("check-in-pain-during").setValue(11);
        _click(_get(Button.class, spec -> spec.withId("check-in-save")));

        IntegerField during = field("check-in-pain-during");
        assertThat(during.isInvalid()).isTrue();
        assertThat(during.getErrorMessage()).isEqualTo("Pain during activity must be between 0 and 10 (was 11).");
        assertThat(checkIns.myCheckIns(null, null)).isEmpty();

        during.setValue(4);
        field("check-in-morning-pain").setValue(2);
        _get(NumberField.class, spec -> spec.withId("check-in-sleep")).setValue(7.5);
        _get(TextArea.class, spec -> spec.withId("check-in-notes")).setValue("Tight after the hills");
        _click(_get(Button.class, spec -> spec.withId("check-in-save")));

        assertThat(field("check-in-pain-during").isInvalid()).isFalse();
        assertThat(field("check-in-pain-during").getValue())
                .as("the form is ready for the next one")
                .isNull();
        List<CheckIn> saved = checkIns.myCheckIns(null, null);
        assertThat(saved).singleElement().satisfies(c -> {
            assertThat(c.date()).isEqualTo(today);
            assertThat(c.painDuring()).isEqualTo(4);
            assertThat(c.morningPain()).isEqualTo(2);
            assertThat(c.sleepHours()).isEqualByComparingTo("7.5");
            assertThat(c.notes()).isEqualTo("Tight after the hills");
        });
    }

    @Test
    void an_empty_check_in_says_what_is_missing() throws Exception {
        signIn(team.ann);
        navigate("t/" + team.tenant.slug() + "/me/check-in");

        _click(_get(Button.class, spec -> spec.withId("check-in-save")));

        Paragraph error = _get(Paragraph.class, spec -> spec.withId("check-in-error"));
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("at least one value");
    }

    @Test
    void she_logs_a_strength_session_of_the_last_week_with_its_loads_and_fixes_an_out_of_range_effort()
            throws Exception {
        PlanSession strength = plan.sessionsBetween(today.minusDays(6), today).stream()
                .filter(s -> s.spec() instanceof StrengthSession)
                .findFirst()
                .orElseThrow();
        signIn(team.ann);
        navigate("t/" + team.tenant.slug() + "/me/check-in");
        assertThat(_find(
                        Button.class,
                        spec -> spec.withId("log-"
                                + plan.sessionsBetween(today.plusDays(1), today.plusDays(1))
                                        .getFirst()
                                        .id())))
                .as("tomorrow's session is not offered")
                .isEmpty();
        assertThat(_find(
                        com.vaadin.flow.component.orderedlayout.HorizontalLayout.class,
                        spec -> spec.withClasses("session-to-log")))
                .as("the last seven days and today")
                .hasSize(8);

        _click(_get(Button.class, spec -> spec.withId("log-" + strength.id())));
        @SuppressWarnings("unchecked")
        Select<SessionOutcome> outcome = _get(Select.class, spec -> spec.withId("log-outcome"));
        outcome.setValue(SessionOutcome.PARTIAL);
        field("log-duration").setValue(35);
        field("log-rpe").setValue(12);
        assertThat(field("load-0-hold").getValue())
                .as("prefilled from the plan")
                .isEqualTo(45);
        field("load-1-sets").setValue(2);
        _get(BigDecimalField.class, spec -> spec.withId("load-1-kg")).setValue(new BigDecimal("10"));
        _click(_get(Button.class, spec -> spec.withId("log-save")));

        assertThat(field("log-rpe").isInvalid()).isTrue();
        assertThat(field("log-rpe").getErrorMessage()).isEqualTo("RPE must be between 1 and 10 (was 12).");
        assertThat(checkIns.mySessionLogs(null, null)).isEmpty();

        field("log-rpe").setValue(6);
        _click(_get(Button.class, spec -> spec.withId("log-save")));

        assertThat(_find(com.vaadin.flow.component.dialog.Dialog.class)).isEmpty();
        SessionLog log = checkIns.mySessionLogs(null, null).getFirst();
        assertThat(log.outcome()).isEqualTo(SessionOutcome.PARTIAL);
        assertThat(log.loads()).hasSize(2);
        assertThat(log.loads().get(0).holdSeconds()).isEqualTo(45);
        assertThat(log.loads().get(1).sets()).isEqualTo(2);
        assertThat(log.loads().get(1).loadKg()).isEqualByComparingTo("10");
        assertThat(_get(Span.class, spec -> spec.withId("log-state-" + strength.id()))
                        .getText())
                .isEqualTo("partly done, 35 min, RPE 6");

        // Opening it again shows the log and saving changes it.
        _click(_get(Button.class, spec -> spec.withId("log-" + strength.id())));
        assertThat(field("log-duration").getValue()).isEqualTo(35);
        @SuppressWarnings("unchecked")
        Select<SessionOutcome> again = _get(Select.class, spec -> spec.withId("log-outcome"));
        again.setValue(SessionOutcome.DONE);
        _click(_get(Button.class, spec -> spec.withId("log-save")));
        assertThat(checkIns.mySessionLogs(null, null).getFirst().version()).isEqualTo(1);
        assertThat(_get(Span.class, spec -> spec.withId("log-state-" + strength.id()))
                        .getText())
                .startsWith("done");
    }

    @Test
    void her_progress_page_shows_both_charts_and_the_portal_menu_links_to_it() throws Exception {
        signIn(team.ann);
        navigate("t/" + team.tenant.slug() + "/me/progress");

        Image pain = _get(Image.class, spec -> spec.withId("pain-chart"));
        assertThat(pain.getSrc()).startsWith("data:image/svg+xml;base64,");
        assertThat(pain.getAlt()).hasValueSatisfying(alt -> assertThat(alt).startsWith("Pain over time"));
        assertThat(ChartImage.svgOf(pain)).contains("No check-ins yet");
        assertThat(ChartImage.svgOf(_get(Image.class, spec -> spec.withId("load-chart"))))
                .contains("Training load per week");
        assertThat(_find(Anchor.class)).extracting(Anchor::getText).contains("Check in", "Progress");

        checkIns.recordMyCheckIn(new io.loadwise.checkins.CheckInEntry(null, null, 6, 4, null, null, null, null));
        navigate("t/" + team.tenant.slug() + "/me/progress");
        assertThat(ChartImage.svgOf(_get(Image.class, spec -> spec.withId("pain-chart"))))
                .doesNotContain("No check-ins yet")
                .contains("Next-morning pain on");
    }

    @Test
    void her_coach_sees_charts_check_ins_and_logs_in_the_progress_tab() throws Exception {
        signIn(team.ann);
        checkIns.recordMyCheckIn(new io.loadwise.checkins.CheckInEntry(
                null, 3, 5, 4, 2, new BigDecimal("6.5"), "<i>stairs</i> hurt", null));
        // A run of the last week (which weekday is a run depends on the day the test runs)
        PlanSession run = plan.sessionsBetween(today.minusDays(6), today).stream()
                .filter(s -> s.spec() instanceof RunSession)
                .findFirst()
                .orElseThrow();
        checkIns.logMySession(
                run.id(),
                null,
                new io.loadwise.checkins.SessionLogEntry(
                        SessionOutcome.DONE, 30, new BigDecimal("5.2"), 4, List.of(), "ok"));

        signIn(team.lead);
        ClientDetailTab progress = tabs.stream()
                .filter(t -> t.label().equals("Progress"))
                .findFirst()
                .orElseThrow();
        assertThat(progress.order()).isEqualTo(25);
        Component content = progress.content(team.annClient);
        UI.getCurrent().add(content);

        assertThat(ChartImage.svgOf(_get(Image.class, spec -> spec.withId("pain-chart"))))
                .contains("Pain during activity on");
        assertThat(ChartImage.svgOf(_get(Image.class, spec -> spec.withId("load-chart"))))
                .contains("5.2 km");
        @SuppressWarnings("unchecked")
        Grid<CheckIn> checkInGrid = _get(Grid.class, spec -> spec.withId("check-ins"));
        assertThat(GridKt._size(checkInGrid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(checkInGrid, 0)).contains("3/10", "5/10", "6.5 h", "<i>stairs</i> hurt");
        @SuppressWarnings("unchecked")
        Grid<SessionLog> logGrid = _get(Grid.class, spec -> spec.withId("session-logs"));
        assertThat(GridKt._getFormattedRow(logGrid, 0)).contains("done, 30 min, 5.2 km, RPE 4");
        UI.getCurrent().remove(content);
    }

    private static IntegerField field(String id) {
        return _get(IntegerField.class, spec -> spec.withId(id));
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

    private static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }
}
