package io.loadwise.ui.intake;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.loadwise.intake.Answer;
import io.loadwise.intake.ClientIntake;
import io.loadwise.intake.IntakeService;
import io.loadwise.intake.IntakeSubmission;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.messaging.Timestamps;
import io.loadwise.ui.roster.ClientDetailTab;
import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * The client detail's "Intake" tab: the client's latest answers, each under the question as it
 * was asked when they answered.
 */
@org.springframework.stereotype.Component
class IntakeTab implements ClientDetailTab {

    private final IntakeService intake;
    private final TenantDirectory tenants;

    IntakeTab(IntakeService intake, TenantDirectory tenants) {
        this.intake = intake;
        this.tenants = tenants;
    }

    @Override
    public String label() {
        return "Intake";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Component content(ClientId client) {
        ClientIntake found = intake.clientIntake(client);
        Div content = new Div();
        content.setId("client-intake");
        if (found.latest() == null) {
            Paragraph none = new Paragraph("Not completed yet: the client has not submitted the intake questionnaire.");
            none.setId("intake-not-completed");
            content.add(none);
            return content;
        }
        ZoneId zone = Timestamps.zoneOf(tenants);
        IntakeSubmission latest = found.latest();
        Paragraph submitted = new Paragraph("Submitted " + Timestamps.dateTime(latest.submittedAt(), zone));
        submitted.setId("intake-submitted");
        content.add(submitted);
        Div answers = new Div();
        answers.setId("intake-answers");
        latest.answers().forEach(answer -> answers.add(answer(answer)));
        content.add(answers);
        if (found.submittedAt().size() > 1) {
            Paragraph history = new Paragraph("Earlier submissions: "
                    + found.submittedAt().stream()
                            .skip(1)
                            .map(at -> Timestamps.date(at, zone))
                            .collect(Collectors.joining(", ")));
            history.setId("intake-history");
            content.add(history);
        }
        return content;
    }

    static Div answer(Answer answer) {
        Span prompt = new Span(answer.prompt());
        prompt.addClassName("intake-prompt");
        prompt.getStyle().set("font-weight", "600");
        Paragraph value = new Paragraph(answer.display());
        value.addClassName("intake-answer");
        value.getStyle().set("white-space", "pre-wrap").set("margin", "var(--lumo-space-xs) 0 var(--lumo-space-m)");
        Div row = new Div(prompt, value);
        row.addClassName("intake-item");
        return row;
    }
}
