package io.loadwise.ui.intake;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import io.loadwise.intake.IntakeService;
import io.loadwise.intake.Question;
import io.loadwise.intake.QuestionKind;
import io.loadwise.intake.QuestionTopic;
import io.loadwise.intake.Questionnaire;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.ui.messaging.Team;
import io.loadwise.ui.roster.ClientDetailTab;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Intake in the UI, browserless on the real Spring context and PostgreSQL: the coaches'
 * questionnaire editor, the client's intake page in her portal, and the coach's Intake tab.
 */
@IntegrationTest
class IntakeViewsIT {

    static final Routes ROUTES = new Routes().autoDiscoverViews("io.loadwise.ui");

    @Autowired
    ApplicationContext context;

    @Autowired
    IntakeService intake;

    @Autowired
    List<ClientDetailTab> tabs;

    Team team;
    AutoCloseable signedIn;

    @BeforeEach
    void setUp() {
        team = Team.of("Stride Coaching");
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDown() throws Exception {
        signOut();
        MockVaadin.tearDown();
    }

    @Test
    void the_client_completes_intake_in_her_portal_and_her_coach_reads_it_on_the_intake_tab() throws Exception {
        signIn(team.lead);
        navigate("coach/roster");
        Component before = tab("Intake").content(team.annClient);
        UI.getCurrent().add(before);
        assertThat(_get(Paragraph.class, spec -> spec.withId("intake-not-completed"))
                        .getText())
                .startsWith("Not completed yet");
        UI.getCurrent().remove(before);

        signIn(team.ann);
        navigate("t/" + team.tenant.slug() + "/me");
        assertThat(_get(Paragraph.class, spec -> spec.withId("intake-status")).getText())
                .startsWith("Not completed yet");
        navigate("t/" + team.tenant.slug() + "/me/intake");
        _get(BigDecimalField.class, spec -> spec.withId("answer-running_volume"))
                .setValue(new BigDecimal("400"));
        _click(_get(Button.class, spec -> spec.withId("submit-intake")));

        TextArea injury = _get(TextArea.class, spec -> spec.withId("answer-injury"));
        assertThat(injury.isInvalid()).isTrue();
        assertThat(injury.getErrorMessage()).isEqualTo("This question needs an answer.");
        BigDecimalField volume = _get(BigDecimalField.class, spec -> spec.withId("answer-running_volume"));
        assertThat(volume.getErrorMessage()).isEqualTo("The answer must be between 0 and 300; it was 400.");
        NotificationsKt.clearNotifications();

        injury.setValue("Left <i>proximal</i> hamstring\nsince March");
        volume.setValue(new BigDecimal("35"));
        _get(TextArea.class, spec -> spec.withId("answer-goals")).setValue("Pain-free 10k");
        _get(BigDecimalField.class, spec -> spec.withId("answer-days_per_week")).setValue(new BigDecimal("4"));
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> equipment = _get(CheckboxGroup.class, spec -> spec.withId("answer-equipment"));
        equipment.setValue(Set.of("Resistance bands", "Gym access"));
        _click(_get(Button.class, spec -> spec.withId("submit-intake")));
        NotificationsKt.expectNotifications("Thank you — your coach will see your answers.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("intake-status")).getText())
                .startsWith("You completed this on");

        signIn(team.lead);
        navigate("coach/roster");
        UI.getCurrent().add(tab("Intake").content(team.annClient));
        assertThat(_get(Paragraph.class, spec -> spec.withId("intake-submitted"))
                        .getText())
                .startsWith("Submitted ");
        assertThat(_find(Span.class, spec -> spec.withClasses("intake-prompt")))
                .extracting(Span::getText)
                .containsExactly(
                        "Which injury brings you here? Side, since when?",
                        "How many kilometres do you run per week right now?",
                        "What are your goals? Races, distances, dates that matter to you.",
                        "How many days per week can you train?",
                        "What equipment can you use?");
        List<Paragraph> answers = _find(Paragraph.class, spec -> spec.withClasses("intake-answer"));
        assertThat(answers)
                .extracting(Paragraph::getText)
                .containsExactly(
                        "Left <i>proximal</i> hamstring\nsince March",
                        "35",
                        "Pain-free 10k",
                        "4",
                        "Gym access, Resistance bands");
        assertThat(answers.getFirst().getElement().getChildren())
                .as("text, not markup")
                .allMatch(Element::isTextNode);
    }

    @Test
    void a_coach_edits_reorders_and_saves_the_questionnaire_with_inline_checks() throws Exception {
        signIn(team.lead);
        navigate("coach/settings/intake");
        assertThat(editors()).hasSize(6);
        assertThat(_get(Paragraph.class, spec -> spec.withId("questionnaire-origin"))
                        .getText())
                .contains("default questions");

        TextArea firstPrompt = _get(
                _get(Div.class, spec -> spec.withId("question-1")),
                TextArea.class,
                spec -> spec.withClasses("question-prompt"));
        firstPrompt.setValue("   ");
        _click(_get(Button.class, spec -> spec.withId("save-questionnaire")));
        assertThat(firstPrompt.isInvalid()).isTrue();
        assertThat(firstPrompt.getErrorMessage()).isEqualTo("The question's text is empty.");
        assertThat(intake.questionnaire().version()).as("nothing saved").isZero();

        firstPrompt.setValue("Which injury, which side, since when?");
        _click(_get(Button.class, spec -> spec.withId("add-question")));
        var added = _get(Div.class, spec -> spec.withId("question-7"));
        _get(added, TextField.class, spec -> spec.withClasses("question-id")).setValue("races");
        _get(added, TextArea.class, spec -> spec.withClasses("question-prompt")).setValue("Any races booked?");
        @SuppressWarnings("unchecked")
        Select<QuestionKind> kind = _get(added, Select.class, spec -> spec.withClasses("question-kind"));
        kind.setValue(QuestionKind.SINGLE_CHOICE);
        TextArea options = _get(added, TextArea.class, spec -> spec.withClasses("question-options"));
        options.setValue("Yes\nYes");
        _click(_get(Button.class, spec -> spec.withId("save-questionnaire")));
        assertThat(options.getErrorMessage()).isEqualTo("Each option may be listed once.");

        options.setValue("Yes\nNo");
        _click(_get(added, Button.class, spec -> spec.withClasses("question-up")));
        _click(_get(
                _get(Div.class, spec -> spec.withId("question-2")),
                Button.class,
                spec -> spec.withClasses("question-remove")));
        _click(_get(Button.class, spec -> spec.withId("save-questionnaire")));

        NotificationsKt.expectNotifications("Questionnaire saved.");
        Questionnaire saved = intake.questionnaire();
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.questions())
                .extracting(Question::id)
                .containsExactly("injury", "goals", "days_per_week", "training_days", "races", "equipment");
        assertThat(saved.questions().getFirst().prompt()).isEqualTo("Which injury, which side, since when?");
        assertThat(saved.questions().get(4).options()).containsExactly("Yes", "No");
    }

    @Test
    void saving_over_a_colleagues_newer_version_is_refused_and_the_editor_reloads() throws Exception {
        signIn(team.lead);
        navigate("coach/settings/intake");
        // The owner saves first, from another browser.
        intake.saveQuestionnaire(List.of(Question.text("bike", QuestionTopic.OTHER, "Do you cycle?", false)), 0);

        _get(
                        _get(Div.class, spec -> spec.withId("question-1")),
                        TextArea.class,
                        spec -> spec.withClasses("question-prompt"))
                .setValue("Mine instead");
        _click(_get(Button.class, spec -> spec.withId("save-questionnaire")));

        NotificationsKt.expectNotifications(
                "The questionnaire was changed by someone else — reloaded. Apply your change again.");
        assertThat(editors()).hasSize(1);
        assertThat(intake.questionnaire().questions())
                .extracting(Question::prompt)
                .containsExactly("Do you cycle?");
    }

    private static List<Div> editors() {
        return _find(Div.class, spec -> spec.withClasses("question-editor"));
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

    private static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }
}
