package io.loadwise.ui.intake;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.intake.IntakeService;
import io.loadwise.intake.InvalidQuestionnaireException;
import io.loadwise.intake.Question;
import io.loadwise.intake.QuestionKind;
import io.loadwise.intake.QuestionProblem;
import io.loadwise.intake.QuestionTopic;
import io.loadwise.intake.Questionnaire;
import io.loadwise.intake.QuestionnaireRules;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The coaches' editor of their business's intake questionnaire: questions added, edited, removed
 * and reordered, checked inline with the rules saving applies, and saved as a whole against the
 * version loaded, so a colleague's concurrent save is never overwritten.
 */
@Route(value = "coach/settings/intake", layout = MainLayout.class)
@PageTitle("Intake questionnaire · Loadwise")
@RolesAllowed("COACH")
public class IntakeQuestionnaireView extends Main {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final IntakeService intake;
    private final Paragraph origin = new Paragraph();
    private final Div editors = new Div();
    private final Paragraph formError = new Paragraph();
    private final List<QuestionEditor> questions = new ArrayList<>();
    private int version;

    public IntakeQuestionnaireView(IntakeService intake) {
        this.intake = intake;
        add(new H2("Intake questionnaire"));
        if (TenantContext.current().isEmpty()) {
            Paragraph noTenant = new Paragraph("Your account is not linked to one coaching business.");
            noTenant.setId("no-tenant");
            add(noTenant);
            return;
        }
        origin.setId("questionnaire-origin");
        editors.setId("questions");
        formError.setId("questionnaire-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        Button addQuestion = new Button("Add question", click -> {
            questions.add(new QuestionEditor(Question.text(nextId(), QuestionTopic.OTHER, "", false)));
            render();
        });
        addQuestion.setId("add-question");
        Button save = new Button("Save", click -> save());
        save.setId("save-questionnaire");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reload = new Button("Discard changes", click -> load());
        reload.setId("reload-questionnaire");
        add(
                new Paragraph("New clients answer these questions in their portal; you see the answers on their"
                        + " Intake tab, worded as they were when the client answered."),
                origin,
                editors,
                formError,
                new HorizontalLayout(addQuestion, save, reload));
        load();
    }

    private void load() {
        Questionnaire questionnaire = intake.questionnaire();
        version = questionnaire.version();
        origin.setText(
                questionnaire.platformDefault()
                        ? "These are Loadwise's default questions. Save to make them your own."
                        : "Your business's questions.");
        questions.clear();
        questionnaire.questions().forEach(q -> questions.add(new QuestionEditor(q)));
        formError.setText("");
        render();
    }

    private void save() {
        formError.setText("");
        boolean valid = true;
        for (QuestionEditor editor : questions) {
            editor.clearServerError();
            valid &= editor.binder.validate().isOk();
        }
        Set<String> ids = new HashSet<>();
        for (QuestionEditor editor : questions) {
            String id = editor.id.getValue().strip();
            if (!id.isEmpty() && !ids.add(id)) {
                editor.id.setErrorMessage("An earlier question uses this id.");
                editor.id.setInvalid(true);
                valid = false;
            }
        }
        if (questions.isEmpty() || questions.size() > QuestionnaireRules.MAX_QUESTIONS) {
            formError.setText("A questionnaire has 1 to " + QuestionnaireRules.MAX_QUESTIONS + " questions.");
            valid = false;
        }
        if (!valid) {
            formError.setText(formError.getText().isEmpty() ? "Fix the marked questions first." : formError.getText());
            return;
        }
        try {
            Questionnaire saved = intake.saveQuestionnaire(
                    questions.stream().map(QuestionEditor::question).toList(), version);
            version = saved.version();
            origin.setText("Your business's questions.");
            Notification.show("Questionnaire saved.");
        } catch (StaleVersionException e) {
            Notification.show("The questionnaire was changed by someone else — reloaded. Apply your change again.");
            load();
        } catch (InvalidQuestionnaireException e) {
            for (QuestionProblem problem : e.problems()) {
                if (problem.position() > 0 && problem.position() <= questions.size()) {
                    questions.get(problem.position() - 1).showServerError(problem.message());
                } else {
                    formError.setText(problem.message());
                }
            }
        }
    }

    private void render() {
        editors.removeAll();
        for (int i = 0; i < questions.size(); i++) {
            QuestionEditor editor = questions.get(i);
            editor.setPosition(i + 1, questions.size());
            editors.add(editor);
        }
    }

    private void moveQuestion(QuestionEditor editor, int by) {
        int from = questions.indexOf(editor);
        int to = from + by;
        if (to < 0 || to >= questions.size()) {
            return;
        }
        questions.remove(from);
        questions.add(to, editor);
        render();
    }

    private void removeQuestion(QuestionEditor editor) {
        questions.remove(editor);
        render();
    }

    private String nextId() {
        Set<String> taken = new HashSet<>();
        questions.forEach(q -> taken.add(q.id.getValue()));
        int n = questions.size() + 1;
        while (taken.contains("question_" + n)) {
            n++;
        }
        return "question_" + n;
    }

    /** One question's fields, with the same checks saving applies shown inline. */
    private final class QuestionEditor extends Div {

        final Binder<Draft> binder = new Binder<>();
        final H3 title = new H3();
        final TextField id = new TextField("Id");
        final Select<QuestionTopic> topic = new Select<>();
        final Select<QuestionKind> kind = new Select<>();
        final TextArea prompt = new TextArea("Question");
        final Checkbox required = new Checkbox("Required");
        final BigDecimalField min = new BigDecimalField("Lowest answer");
        final BigDecimalField max = new BigDecimalField("Highest answer");
        final TextArea options = new TextArea("Options, one per line");
        final Paragraph serverError = new Paragraph();
        final Button up = new Button("Move up", click -> moveQuestion(this, -1));
        final Button down = new Button("Move down", click -> moveQuestion(this, 1));
        final Button delete = new Button("Remove", click -> removeQuestion(this));
        final Draft draft = new Draft();

        QuestionEditor(Question question) {
            addClassName("question-editor");
            getStyle()
                    .set("border", "1px solid var(--lumo-contrast-10pct)")
                    .set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "0 var(--lumo-space-m) var(--lumo-space-m)")
                    .set("margin-bottom", "var(--lumo-space-m)");
            id.addClassName("question-id");
            topic.setLabel("Topic");
            topic.addClassName("question-topic");
            topic.setItems(QuestionTopic.values());
            topic.setItemLabelGenerator(IntakeQuestionnaireView::label);
            kind.setLabel("Answer");
            kind.addClassName("question-kind");
            kind.setItems(QuestionKind.values());
            kind.setItemLabelGenerator(IntakeQuestionnaireView::label);
            prompt.addClassName("question-prompt");
            prompt.setWidthFull();
            prompt.setMaxLength(QuestionnaireRules.MAX_PROMPT);
            required.addClassName("question-required");
            min.addClassName("question-min");
            max.addClassName("question-max");
            options.addClassName("question-options");
            options.setWidthFull();
            serverError.addClassName("question-error");
            serverError.getStyle().set("color", "var(--lumo-error-text-color)");
            up.addClassName("question-up");
            down.addClassName("question-down");
            delete.addClassName("question-remove");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);

            binder.forField(id)
                    .asRequired("A question needs an id.")
                    .withValidator(
                            value -> ID.matcher(value.strip()).matches(),
                            "An id is 1 to 64 letters, digits, '_' or '-'.")
                    .bind(Draft::getId, Draft::setId);
            binder.forField(topic).asRequired("Pick a topic.").bind(Draft::getTopic, Draft::setTopic);
            binder.forField(kind).asRequired("Pick how it is answered.").bind(Draft::getKind, Draft::setKind);
            binder.forField(prompt)
                    .asRequired("The question's text is empty.")
                    .withValidator(value -> !value.isBlank(), "The question's text is empty.")
                    .withValidator(
                            value -> value.strip().length() <= QuestionnaireRules.MAX_PROMPT,
                            "The question's text is longer than " + QuestionnaireRules.MAX_PROMPT + " characters.")
                    .bind(Draft::getPrompt, Draft::setPrompt);
            binder.forField(required).bind(Draft::isRequired, Draft::setRequired);
            binder.forField(min).bind(Draft::getMin, Draft::setMin);
            binder.forField(max)
                    .withValidator((value, context) -> value != null
                                    && min.getValue() != null
                                    && kind.getValue() == QuestionKind.NUMBER
                                    && min.getValue().compareTo(value) > 0
                            ? ValidationResult.error("The highest answer is below the lowest.")
                            : ValidationResult.ok())
                    .bind(Draft::getMax, Draft::setMax);
            binder.forField(options)
                    .withValidator((value, context) -> {
                        if (kind.getValue() == null || !kind.getValue().hasOptions()) {
                            return ValidationResult.ok();
                        }
                        List<String> lines = lines(value);
                        if (lines.size() < QuestionnaireRules.MIN_OPTIONS
                                || lines.size() > QuestionnaireRules.MAX_OPTIONS) {
                            return ValidationResult.error("A choice question needs " + QuestionnaireRules.MIN_OPTIONS
                                    + " to " + QuestionnaireRules.MAX_OPTIONS + " options.");
                        }
                        if (new HashSet<>(lines).size() != lines.size()) {
                            return ValidationResult.error("Each option may be listed once.");
                        }
                        if (lines.stream().anyMatch(line -> line.length() > QuestionnaireRules.MAX_OPTION)) {
                            return ValidationResult.error(
                                    "An option is longer than " + QuestionnaireRules.MAX_OPTION + " characters.");
                        }
                        return ValidationResult.ok();
                    })
                    .bind(Draft::getOptions, Draft::setOptions);

            draft.setId(question.id());
            draft.setTopic(question.topic());
            draft.setKind(question.kind());
            draft.setPrompt(question.prompt());
            draft.setRequired(question.required());
            draft.setMin(question.min());
            draft.setMax(question.max());
            draft.setOptions(String.join("\n", question.options()));
            binder.setBean(draft);
            kind.addValueChangeListener(change -> showKindFields());
            showKindFields();

            HorizontalLayout head = new HorizontalLayout(title, up, down, delete);
            head.setAlignItems(FlexComponent.Alignment.BASELINE);
            HorizontalLayout settings = new HorizontalLayout(id, topic, kind, required);
            settings.setAlignItems(FlexComponent.Alignment.BASELINE);
            settings.setWrap(true);
            add(head, prompt, settings, new HorizontalLayout(min, max), options, serverError);
        }

        void setPosition(int position, int of) {
            setId("question-" + position);
            title.setText("Question " + position);
            up.setEnabled(position > 1);
            down.setEnabled(position < of);
        }

        void showKindFields() {
            QuestionKind selected = kind.getValue();
            boolean number = selected == QuestionKind.NUMBER;
            min.setVisible(number);
            max.setVisible(number);
            options.setVisible(selected != null && selected.hasOptions());
        }

        void showServerError(String message) {
            serverError.setText(message);
        }

        void clearServerError() {
            serverError.setText("");
        }

        Question question() {
            return new Question(
                    draft.getId().strip(),
                    draft.getTopic(),
                    draft.getPrompt(),
                    draft.getKind(),
                    draft.isRequired(),
                    draft.getMin(),
                    draft.getMax(),
                    lines(draft.getOptions()));
        }
    }

    private static List<String> lines(@Nullable String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    static String label(Enum<?> value) {
        String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The editable state of one question, as the binder reads and writes it. */
    static final class Draft {
        private String id = "";
        private QuestionTopic topic = QuestionTopic.OTHER;
        private QuestionKind kind = QuestionKind.TEXT;
        private String prompt = "";
        private boolean required;
        private @Nullable BigDecimal min;
        private @Nullable BigDecimal max;
        private String options = "";

        String getId() {
            return id;
        }

        void setId(@Nullable String id) {
            this.id = id == null ? "" : id;
        }

        QuestionTopic getTopic() {
            return topic;
        }

        void setTopic(@Nullable QuestionTopic topic) {
            this.topic = topic == null ? QuestionTopic.OTHER : topic;
        }

        QuestionKind getKind() {
            return kind;
        }

        void setKind(@Nullable QuestionKind kind) {
            this.kind = kind == null ? QuestionKind.TEXT : kind;
        }

        String getPrompt() {
            return prompt;
        }

        void setPrompt(@Nullable String prompt) {
            this.prompt = prompt == null ? "" : prompt;
        }

        boolean isRequired() {
            return required;
        }

        void setRequired(@Nullable Boolean required) {
            this.required = Boolean.TRUE.equals(required);
        }

        @Nullable
        BigDecimal getMin() {
            return min;
        }

        void setMin(@Nullable BigDecimal min) {
            this.min = min;
        }

        @Nullable
        BigDecimal getMax() {
            return max;
        }

        void setMax(@Nullable BigDecimal max) {
            this.max = max;
        }

        String getOptions() {
            return options;
        }

        void setOptions(@Nullable String options) {
            this.options = options == null ? "" : options;
        }
    }
}
