package io.loadwise.ui.templates;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.exercises.DefaultExercises;
import io.loadwise.exercises.Exercise;
import io.loadwise.exercises.ExerciseCategory;
import io.loadwise.exercises.ExerciseDraft;
import io.loadwise.exercises.ExerciseLibrary;
import io.loadwise.plans.SessionKind;
import io.loadwise.plans.TemplateCondition;
import io.loadwise.plans.templates.PlanLibrarySeeds;
import io.loadwise.plans.templates.PlanTemplate;
import io.loadwise.plans.templates.TemplateDraft;
import io.loadwise.plans.templates.TemplateService;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.ui.messaging.Team;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exercise library and the template builder in the UI, browserless on the real Spring context
 * and PostgreSQL, for a business seeded with the platform's defaults.
 */
@IntegrationTest
class PlanLibraryViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    @Autowired
    ApplicationContext context;

    @Autowired
    ExerciseLibrary library;

    @Autowired
    TemplateService templates;

    @Autowired
    PlanLibrarySeeds seeds;

    @Autowired
    TransactionTemplate tx;

    Team team;
    AutoCloseable signedIn;

    @BeforeEach
    void setUp() {
        team = Team.of("Stride Coaching");
        TenantContext.runAs(team.tenant.id(), () -> tx.executeWithoutResult(s -> seeds.seedDefaults()));
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (signedIn != null) {
            signedIn.close();
        }
        MockVaadin.tearDown();
    }

    @SuppressWarnings("unchecked")
    static Grid<Exercise> exerciseGrid() {
        return _get(Grid.class, spec -> spec.withId("exercises"));
    }

    static List<Exercise> rows(Grid<Exercise> grid) {
        return java.util.stream.IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i))
                .toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_coach_filters_the_library_and_adds_and_edits_exercises_with_inline_messages() {
        signedIn = team.signIn(team.lead);
        UI.getCurrent().navigate("coach/exercises");
        assertThat(rows(exerciseGrid())).hasSize(DefaultExercises.ALL.size());

        _get(Select.class, spec -> spec.withId("filter-category")).setValue(ExerciseCategory.ECCENTRIC);
        assertThat(rows(exerciseGrid())).isNotEmpty().allMatch(e -> e.category() == ExerciseCategory.ECCENTRIC);
        _get(TextField.class, spec -> spec.withId("filter-text")).setValue("nordic");
        assertThat(rows(exerciseGrid()))
                .extracting(Exercise::name)
                .containsExactly("Nordic curl — band-assisted", "Nordic curl — partial range");
        _get(Select.class, spec -> spec.withId("filter-category")).setValue(null);
        _get(TextField.class, spec -> spec.withId("filter-text")).setValue("");

        _click(_get(Button.class, spec -> spec.withId("add-exercise")));
        _get(TextField.class, spec -> spec.withId("exercise-video")).setValue("ftp://files.example/clip");
        _click(_get(Button.class, spec -> spec.withId("save-exercise")));
        TextField name = _get(TextField.class, spec -> spec.withId("exercise-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the exercise a name.");
        assertThat(_get(TextField.class, spec -> spec.withId("exercise-video")).getErrorMessage())
                .isEqualTo("The video link must be a full web address starting with https:// or http://.");
        assertThat(_get(Select.class, spec -> spec.withId("exercise-category")).isInvalid())
                .isTrue();

        name.setValue("Side plank");
        _get(Select.class, spec -> spec.withId("exercise-category")).setValue(ExerciseCategory.GLUTES_CORE);
        _get(Select.class, spec -> spec.withId("exercise-target")).setValue(io.loadwise.exercises.ExerciseTarget.CORE);
        _get(TextField.class, spec -> spec.withId("exercise-dosage")).setValue("3 × 20 s");
        _get(TextField.class, spec -> spec.withId("exercise-video")).setValue("");
        _click(_get(Button.class, spec -> spec.withId("save-exercise")));
        assertThat(name.getErrorMessage()).contains("already has an exercise called 'Side plank'");

        name.setValue("Single-leg wall sit");
        _click(_get(Button.class, spec -> spec.withId("save-exercise")));
        NotificationsKt.expectNotifications("“Single-leg wall sit” saved.");
        assertThat(_find(TextField.class, spec -> spec.withId("exercise-name"))).isEmpty();
        assertThat(rows(exerciseGrid())).extracting(Exercise::name).contains("Single-leg wall sit");

        // A colleague edits it while this coach has it open: her save is refused and the dialog reloads.
        Exercise mine = rows(exerciseGrid()).stream()
                .filter(e -> e.name().equals("Single-leg wall sit"))
                .findFirst()
                .orElseThrow();
        GridKt._clickItem(exerciseGrid(), rows(exerciseGrid()).indexOf(mine));
        library.update(
                mine.id(),
                mine.version(),
                new ExerciseDraft(mine.name(), mine.category(), mine.target(), "4 × 30 s", "", null));
        _get(TextField.class, spec -> spec.withId("exercise-dosage")).setValue("2 × 10 s");
        _click(_get(Button.class, spec -> spec.withId("save-exercise")));
        NotificationsKt.expectNotifications(
                "This exercise was changed by someone else — reloaded. Apply your change again.");
        assertThat(_get(TextField.class, spec -> spec.withId("exercise-dosage")).getValue())
                .isEqualTo("4 × 30 s");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_coach_builds_a_template_with_sessions_from_the_library_sees_problems_in_place_and_previews_it() {
        signedIn = team.signIn(team.lead);
        UI.getCurrent().navigate("coach/templates/new");
        _get(TextField.class, spec -> spec.withId("template-name")).setValue("Patellar return to jump");

        _click(_get(Button.class, spec -> spec.withId("save-template")));
        assertThat(_get(Div.class, spec -> spec.withId("template-errors"))
                        .getElement()
                        .getTextRecursively())
                .startsWith("1 problem to fix before the template can be saved:");
        assertThat(problemTexts("phase-1-week-1"))
                .containsExactly("Phase 1 “Isometrics & pain control”, week 1: the week has no sessions; add one.");

        // A strength session with an exercise picked from the library.
        _click(_get(
                _get(Div.class, spec -> spec.withId("phase-1-week-1")),
                Button.class,
                spec -> spec.withClasses("add-session")));
        _get(Select.class, spec -> spec.withId("session-kind")).setValue(SessionKind.STRENGTH);
        _get(TextField.class, spec -> spec.withId("session-title")).setValue("Holds");
        ComboBox<Exercise> picker = _get(ComboBox.class, spec -> spec.withId("dose-exercise"));
        Exercise spanishSquat = library.list(io.loadwise.exercises.ExerciseFilter.ALL).stream()
                .filter(e -> e.name().equals("Spanish squat hold"))
                .findFirst()
                .orElseThrow();
        picker.setValue(spanishSquat);
        assertThat(_get(IntegerField.class, spec -> spec.withId("dose-hold")).getValue())
                .isEqualTo(45);
        _click(_get(Button.class, spec -> spec.withId("add-dose")));
        _click(_get(Button.class, spec -> spec.withId("session-done")));

        // A run without a duration is refused in the dialog, with what to fix.
        _click(_get(
                _get(Div.class, spec -> spec.withId("phase-1-week-1")),
                Button.class,
                spec -> spec.withClasses("add-session")));
        _get(Select.class, spec -> spec.withId("session-day")).setValue(DayOfWeek.WEDNESDAY);
        _get(TextField.class, spec -> spec.withId("session-title")).setValue("Easy run");
        _click(_get(Button.class, spec -> spec.withId("session-done")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("session-problems"))
                        .getText())
                .isEqualTo(
                        "Give a duration or a distance.\nGive the intensity a value, e.g. RPE \"3-4\" or zone \"2\".");
        _get(IntegerField.class, spec -> spec.withId("session-minutes")).setValue(30);
        _get(TextField.class, spec -> spec.withId("intensity-value")).setValue("3-4");
        _click(_get(Button.class, spec -> spec.withId("session-done")));

        assertThat(sessionSummaries("phase-1-week-1"))
                .containsExactly("Strength: Holds · 1 exercise", "Run: Easy run · 30 min · RPE 3-4");
        _click(_get(
                _get(Div.class, spec -> spec.withId("phase-1-week-1")),
                Button.class,
                spec -> spec.withClasses("copy-week")));
        assertThat(sessionSummaries("phase-1-week-2")).hasSize(2);
        // Move the Wednesday run of week 2 a day earlier.
        _click(_get(
                _get(Div.class, spec -> spec.withId("phase-1-week-2-session-2")),
                Button.class,
                spec -> spec.withClasses("move-session-up")));
        assertThat(_get(Div.class, spec -> spec.withId("phase-1-week-2-session-2"))
                        .getParent()
                        .orElseThrow()
                        .getElement()
                        .getAttribute("data-day"))
                .isEqualTo("TUESDAY");

        _click(_get(Button.class, spec -> spec.withId("save-template")));
        NotificationsKt.expectNotifications("Template saved.");
        assertThat(_get(H2.class, spec -> spec.withText("Patellar return to jump")))
                .isNotNull();
        PlanTemplate saved = templates.list().stream()
                .filter(t -> t.name().equals("Patellar return to jump"))
                .findFirst()
                .orElseThrow();
        assertThat(saved.content().totalWeeks()).isEqualTo(2);

        _get(TabSheet.class, spec -> spec.withId("builder-tabs")).setSelectedIndex(1);
        List<Span> weekLabels = _find(Span.class, spec -> spec.withClasses("preview-week-label"));
        assertThat(weekLabels)
                .extracting(Span::getText)
                .containsExactly("Week 1 · Isometrics & pain control", "Week 2 · Isometrics & pain control");
        assertThat(_find(Div.class, spec -> spec.withClasses("preview-session")))
                .extracting(d -> d.getElement().getTextRecursively())
                .contains("Holds · 1 exercise", "Easy run · 30 min · RPE 3-4");

        // Someone else saves meanwhile: this coach's save is refused and the page shows theirs.
        templates.update(
                saved.id(),
                saved.version(),
                new TemplateDraft("Patellar — Sam's version", "", TemplateCondition.PATELLAR, saved.content()));
        _get(TextField.class, spec -> spec.withId("template-name")).setValue("Mine");
        _click(_get(Button.class, spec -> spec.withId("save-template")));
        NotificationsKt.expectNotifications(
                "This template was changed by someone else — reloaded. Apply your change again.");
        assertThat(_get(TextField.class, spec -> spec.withId("template-name")).getValue())
                .isEqualTo("Patellar — Sam's version");
    }

    @Test
    void a_coach_sees_the_seeded_templates_duplicates_one_and_archives_the_copy() {
        signedIn = team.signIn(team.lead);
        UI.getCurrent().navigate("coach/templates");
        @SuppressWarnings("unchecked")
        Grid<PlanTemplate> grid = _get(Grid.class, spec -> spec.withId("templates"));
        List<String> names = java.util.stream.IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i).name())
                .toList();
        assertThat(names)
                .containsExactly(
                        "Achilles tendinopathy — return to run (12 weeks)",
                        "Coaching onboarding (2 weeks)",
                        "Hamstring tendinopathy — masters & menopause (12 weeks)",
                        "Hamstring tendinopathy — return to run (12 weeks)");

        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(grid, 3, "actions");
        _click(_get(actions, Button.class, spec -> spec.withClasses("duplicate-template")));
        NotificationsKt.expectNotifications("Copied as “Hamstring tendinopathy — return to run (12 weeks) (copy)”.");
        assertThat(GridKt._size(grid)).isEqualTo(5);
        assertThat(GridKt._get(grid, 4).name()).isEqualTo("Hamstring tendinopathy — return to run (12 weeks) (copy)");

        HorizontalLayout copyActions = (HorizontalLayout) GridKt._getCellComponent(grid, 4, "actions");
        _click(_get(copyActions, Button.class, spec -> spec.withClasses("archive-template")));
        assertThat(GridKt._size(grid)).isEqualTo(4);

        _click(_get(actions, Button.class, spec -> spec.withClasses("open-template")));
        assertThat(_get(TextField.class, spec -> spec.withId("template-name")).getValue())
                .isEqualTo("Hamstring tendinopathy — return to run (12 weeks)");
        assertThat(_find(Div.class, spec -> spec.withClasses("phase"))).hasSize(5);
        assertThat(_get(Div.class, spec -> spec.withId("phase-1"))
                        .getChildren()
                        .filter(c -> c instanceof HorizontalLayout)
                        .count())
                .isPositive();
        assertThat(_find(TextArea.class, spec -> spec.withClasses("phase-goal"))
                        .getFirst()
                        .getValue())
                .contains("no deep hip flexion");
    }

    @Test
    void clients_are_not_let_in() {
        signedIn = team.signIn(team.ann);
        for (String location : List.of("coach/templates", "coach/exercises", "coach/templates/new")) {
            UI.getCurrent().navigate(location);
            assertThat(_get(H2.class, spec -> spec.withId("access-denied")).getText())
                    .as(location)
                    .isEqualTo("Access denied");
        }
        assertThat(_find(Grid.class, spec -> spec.withId("templates"))).isEmpty();
    }

    static List<String> problemTexts(String weekId) {
        return _find(_get(Div.class, spec -> spec.withId(weekId)), Paragraph.class).stream()
                .filter(p -> p.getParent()
                        .map(parent -> parent.hasClassName("week-problems"))
                        .orElse(false))
                .map(Paragraph::getText)
                .toList();
    }

    static List<String> sessionSummaries(String weekId) {
        return _find(
                        _get(Div.class, spec -> spec.withId(weekId)),
                        Span.class,
                        spec -> spec.withClasses("session-summary"))
                .stream()
                .map(Span::getText)
                .toList();
    }
}
