package io.loadwise.ui.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.loadwise.jooq.Tables.CHECK_INS;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import io.loadwise.planengine.EngineRules;
import io.loadwise.planengine.PlanEngine;
import io.loadwise.planengine.PlanRulesService;
import io.loadwise.plans.ExerciseDose;
import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.Phase;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStatus;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.RevisionRequest;
import io.loadwise.plans.RevisionSource;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.SessionChange;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.ui.messaging.Team;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The coach's dashboard and the plan rules editor, browserless on the real Spring context and
 * PostgreSQL: a pain spike and the engine's proposal shown by urgency, approved or found outdated
 * inline; rules checked inline, saved, and reloaded when a colleague saved first.
 */
@IntegrationTest
class DashboardViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    static final RunSession HILLS =
            new RunSession("Hill repeats 40 min", RunType.SPEED, 40, null, Intensity.rpe("7-8"), "6 × 1 min", "");
    static final StrengthSession HOLDS = new StrengthSession(
            "Isometrics", List.of(new ExerciseDose(null, "Bridge hold", 5, null, 45, "bodyweight", null)), "");

    @Autowired
    ApplicationContext context;

    @Autowired
    PlanStore plans;

    @Autowired
    PlanEngine engine;

    @Autowired
    PlanRulesService rules;

    @Autowired
    Clock clock;

    Team team;
    AutoCloseable signedIn;
    LocalDate today;

    @BeforeEach
    void setUp() {
        team = Team.of("Tendon Coaching");
        today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() throws Exception {
        signOut();
        MockVaadin.tearDown();
    }

    @Test
    void the_coach_sees_the_pain_spike_and_the_proposal_and_approves_it_inline() throws Exception {
        signIn(team.lead);
        PlanSnapshot plan = planWithProposal();

        navigate("coach/dashboard");

        Div card = _get(Div.class, spec -> spec.withId("attention-" + team.annClient));
        assertThat(_find(card, Span.class, spec -> spec.withClasses("flag-badge")))
                .extracting(Span::getText)
                .containsExactly("Pain spike");
        assertThat(_get(card, Paragraph.class, spec -> spec.withClasses("proposal-reason"))
                        .getText())
                .isEqualTo("Next-morning pain 6/10 on "
                        + DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH).format(today)
                        + " is above your usual 2/10 — for the next 7 days speed work becomes easy running and running"
                        + " volume is cut by 30 %. Strength stays at its current load.");

        _click(_get(card, Button.class, spec -> spec.withClasses("approve-proposal")));

        assertThat(_get(card, Span.class, spec -> spec.withClasses("proposal-message"))
                        .getText())
                .isEqualTo("Approved — the plan is now at revision 2.");
        assertThat(plans.revision(plan.plan().id(), 2)).hasValueSatisfying(r -> {
            assertThat(r.kind()).isEqualTo(RevisionKind.DIAL_BACK);
            assertThat(r.createdBy()).isEqualTo(team.lead.memberId());
        });
        assertThat(_get(card, Button.class, spec -> spec.withClasses("approve-proposal"))
                        .isEnabled())
                .isFalse();
    }

    @Test
    void approving_after_a_coach_changed_the_plan_explains_that_the_proposal_no_longer_applies() throws Exception {
        signIn(team.lead);
        PlanSnapshot plan = planWithProposal();
        navigate("coach/dashboard");
        PlanSession hills = plan.sessions().stream()
                .filter(s -> s.date().isAfter(today) && s.spec().equals(HILLS))
                .findFirst()
                .orElseThrow();
        plans.revise(new RevisionRequest(
                plan.plan().id(),
                1,
                RevisionKind.COACH_EDIT,
                RevisionSource.COACH,
                "A walk instead",
                List.of(SessionChange.changed(
                        hills, new RunSession("Walk", RunType.EASY, 30, null, Intensity.rpe("2"), null, ""))),
                null,
                null,
                null,
                team.owner.memberId()));

        Div card = _get(Div.class, spec -> spec.withId("attention-" + team.annClient));
        _click(_get(card, Button.class, spec -> spec.withClasses("approve-proposal")));

        assertThat(_get(card, Span.class, spec -> spec.withClasses("proposal-message"))
                        .getText())
                .startsWith("The plan changed after this proposal was made (it was for revision 1, the plan is now at"
                        + " revision 2)");
        assertThat(plans.snapshot(plan.plan().id()).orElseThrow().plan().revision())
                .isEqualTo(2);
    }

    @Test
    void a_coach_without_these_clients_sees_nobody_needing_attention() throws Exception {
        signIn(team.lead);
        planWithProposal();
        signIn(team.otherCoach);

        navigate("coach/dashboard");

        assertThat(_get(Paragraph.class, spec -> spec.withId("dashboard-empty")).getText())
                .isEqualTo("Nobody needs your attention right now.");
    }

    @Test
    void the_owner_edits_the_rules_with_inline_checks_and_a_colleagues_newer_save_reloads_them() throws Exception {
        signIn(team.owner);
        navigate("coach/settings/plan-rules");
        assertThat(_get(Paragraph.class, spec -> spec.withId("rules-origin")).getText())
                .contains("defaults");

        IntegerField acceptable = _get(IntegerField.class, spec -> spec.withId("acceptable-max"));
        acceptable.setValue(2);
        _click(_get(Button.class, spec -> spec.withId("save-rules")));
        assertThat(acceptable.isInvalid()).isTrue();
        assertThat(acceptable.getErrorMessage())
                .isEqualTo("The acceptable zone must end above the safe zone (safeMax 2 < acceptableMax 2).");
        assertThat(rules.rules().version()).as("nothing saved").isZero();

        acceptable.setValue(5);
        _click(_get(Button.class, spec -> spec.withId("add-trigger")));
        IntegerField newThreshold = _get(
                _get(com.vaadin.flow.component.orderedlayout.HorizontalLayout.class, spec -> spec.withId("trigger-3")),
                IntegerField.class,
                spec -> spec.withClasses("trigger-threshold"));
        newThreshold.setValue(5);
        _click(_get(Button.class, spec -> spec.withId("save-rules")));
        assertThat(newThreshold.getErrorMessage()).isEqualTo("The same trigger is listed twice.");

        newThreshold.setValue(7);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<String> mode =
                _get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("mode"));
        mode.setValue("automatic");
        _click(_get(Button.class, spec -> spec.withId("save-rules")));
        NotificationsKt.expectNotifications("Plan rules saved.");
        assertThat(rules.rules().version()).isEqualTo(1);
        assertThat(rules.rules().rules().mode()).isEqualTo("automatic");
        assertThat(rules.rules().rules().triggers()).hasSize(4);

        // A colleague (another tab) saves first.
        var d = EngineRules.DEFAULTS;
        rules.update(
                new EngineRules("propose", d.painZones(), d.triggers(), d.dialBack(), d.progression(), d.flags()), 1);
        _get(IntegerField.class, spec -> spec.withId("dial-back-days")).setValue(10);
        _click(_get(Button.class, spec -> spec.withId("save-rules")));

        NotificationsKt.expectNotifications(
                "The rules were changed by someone else — reloaded. Apply your change again.");
        assertThat(_get(IntegerField.class, spec -> spec.withId("dial-back-days"))
                        .getValue())
                .isEqualTo(7);
        assertThat(rules.rules().version()).isEqualTo(2);
    }

    @Test
    void a_coach_reads_the_rules_but_only_the_owner_saves_them() throws Exception {
        signIn(team.lead);
        navigate("coach/settings/plan-rules");

        assertThat(_get(Paragraph.class, spec -> spec.withId("rules-read-only")).getText())
                .isEqualTo("Only the owner of the business changes these rules.");
        assertThat(_get(Button.class, spec -> spec.withId("save-rules")).isEnabled())
                .isFalse();
    }

    /** A plan with speed work, Ann's painful check-in, and the engine's evaluation of it (propose mode). */
    private PlanSnapshot planWithProposal() {
        List<TemplateSession> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(new TemplateSession(day, day.getValue() % 2 == 0 ? HILLS : HOLDS));
        }
        TemplateContent content = new TemplateContent(List.of(new Phase(
                "iso",
                "Isometrics",
                "",
                "",
                ExitCriteria.DEFAULT,
                null,
                List.of(new TemplateWeek("", week), new TemplateWeek("", week)))));
        PlanSnapshot plan = plans.create(
                team.annClient,
                null,
                "Hamstring",
                content,
                today.minusDays(1),
                PlanStatus.ACTIVE,
                RevisionSource.COACH,
                "Assigned",
                null);
        UUID checkIn = UUID.randomUUID();
        TestTenants.seed(team.tenant.id(), db -> db.insertInto(CHECK_INS)
                .set(CHECK_INS.TENANT_ID, team.tenant.id().value())
                .set(CHECK_INS.ID, checkIn)
                .set(CHECK_INS.CLIENT_ID, team.annClient.value())
                .set(CHECK_INS.PLAN_ID, plan.plan().id().value())
                .set(CHECK_INS.ON_DATE, today)
                .set(CHECK_INS.MORNING_PAIN, (short) 6)
                .set(CHECK_INS.RECORDED_AT, OffsetDateTime.now(clock))
                .execute());
        engine.checkInRecorded(team.annClient, checkIn, today, UUID.randomUUID());
        return plan;
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
