package io.loadwise.ui.portal;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.intake.Answer;
import io.loadwise.intake.Answers;
import io.loadwise.intake.IntakeService;
import io.loadwise.intake.IntakeSubmission;
import io.loadwise.intake.InvalidAnswersException;
import io.loadwise.intake.MyIntake;
import io.loadwise.intake.Question;
import io.loadwise.intake.QuestionProblem;
import io.loadwise.roster.ClientAccess;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.messaging.Timestamps;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The client's intake questionnaire, {@code /t/<slug>/me/intake}: one field per question, filled
 * with their last answers; each answer that does not fit is marked at its question.
 */
@Route(value = "t/:slug/me/intake", layout = PortalLayout.class)
@PageTitle("Intake · Loadwise")
@RolesAllowed("CLIENT")
public class PortalIntakeView extends Main implements AfterNavigationObserver {

    private final IntakeService intake;
    private final TenantDirectory tenants;
    private final ClientAccess access;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Paragraph status = new Paragraph();

    public PortalIntakeView(IntakeService intake, TenantDirectory tenants, ClientAccess access) {
        this.intake = intake;
        this.tenants = tenants;
        this.access = access;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (!Portals.onRoster(this, access)) {
            return;
        }
        show(intake.myIntake());
    }

    private void show(MyIntake mine) {
        removeAll();
        fields.clear();
        add(new H2("Your intake"));
        status.setId("intake-status");
        status.setText(mine.latestSubmission()
                .map(s -> "You completed this on " + Timestamps.date(s.submittedAt(), Timestamps.zoneOf(tenants))
                        + ". Change anything and submit again; your coach sees the newest answers.")
                .orElse("Tell your coach where you stand, so they can plan your first weeks."));
        add(status);
        Map<String, Answer> previous = mine.latestSubmission()
                .map(IntakeSubmission::answers)
                .map(answers -> answers.stream().collect(Collectors.toMap(Answer::questionId, Function.identity())))
                .orElse(Map.of());
        Div form = new Div();
        form.setId("intake-form");
        for (Question question : mine.questions()) {
            Field field = field(question, previous.get(question.id()));
            fields.put(question.id(), field);
            field.component().setId("answer-" + question.id());
            form.add(field.component());
        }
        Button submit = new Button("Submit", click -> submit());
        submit.setId("submit-intake");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, submit);
    }

    private void submit() {
        Map<String, @Nullable Object> answers = new LinkedHashMap<>();
        fields.forEach((id, field) -> {
            field.clearError();
            answers.put(id, field.answer());
        });
        try {
            intake.submit(answers);
        } catch (InvalidAnswersException e) {
            for (QuestionProblem problem : e.problems()) {
                Field field = fields.get(problem.questionId());
                if (field != null) {
                    field.showError(problem.message());
                }
            }
            Notification.show("Some answers need another look.");
            return;
        }
        Notification.show("Thank you — your coach will see your answers.");
        show(intake.myIntake());
    }

    private static Field field(Question question, @Nullable Answer previous) {
        Field field =
                switch (question.kind()) {
                    case TEXT -> {
                        TextField text = new TextField(question.prompt());
                        text.setMaxLength(Answers.MAX_TEXT);
                        text.setWidthFull();
                        if (previous != null && previous.text() != null) {
                            text.setValue(previous.text());
                        }
                        yield new Field(text, text::getValue);
                    }
                    case LONG_TEXT -> {
                        TextArea text = new TextArea(question.prompt());
                        text.setMaxLength(Answers.MAX_LONG_TEXT);
                        text.setWidthFull();
                        if (previous != null && previous.text() != null) {
                            text.setValue(previous.text());
                        }
                        yield new Field(text, text::getValue);
                    }
                    case NUMBER -> {
                        BigDecimalField number = new BigDecimalField(question.prompt());
                        if (question.min() != null || question.max() != null) {
                            number.setHelperText(range(question.min(), question.max()));
                        }
                        if (previous != null) {
                            number.setValue(previous.number());
                        }
                        yield new Field(number, number::getValue);
                    }
                    case SINGLE_CHOICE -> {
                        Select<String> choice = new Select<>();
                        choice.setLabel(question.prompt());
                        choice.setItems(question.options());
                        choice.setEmptySelectionAllowed(!question.required());
                        if (previous != null && question.options().contains(previous.text())) {
                            choice.setValue(previous.text());
                        }
                        yield new Field(choice, choice::getValue);
                    }
                    case MULTI_CHOICE -> {
                        CheckboxGroup<String> choices = new CheckboxGroup<>(question.prompt());
                        choices.setItems(question.options());
                        if (previous != null) {
                            Set<String> still = new LinkedHashSet<>(previous.choices());
                            still.retainAll(question.options());
                            choices.setValue(still);
                        }
                        yield new Field(choices, () -> question.options().stream()
                                .filter(choices.getValue()::contains)
                                .toList());
                    }
                };
        field.component().setRequiredIndicatorVisible(question.required());
        return field;
    }

    private static String range(@Nullable BigDecimal min, @Nullable BigDecimal max) {
        if (min != null && max != null) {
            return "From " + min.toPlainString() + " to " + max.toPlainString();
        }
        return min != null
                ? "At least " + min.toPlainString()
                : "At most " + Optional.ofNullable(max).orElseThrow().toPlainString();
    }

    /** A question's input and how to read its answer. */
    private record Field(AbstractField<?, ?> component, Supplier<@Nullable Object> reader) {

        @Nullable
        Object answer() {
            return reader.get();
        }

        void showError(String message) {
            if (component instanceof HasValidation validation) {
                validation.setErrorMessage(message);
                validation.setInvalid(true);
            }
        }

        void clearError() {
            if (component instanceof HasValidation validation) {
                validation.setInvalid(false);
            }
        }
    }
}
