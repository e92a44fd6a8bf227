package io.loadwise.ui.plans;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.CrossTrainingMode;
import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.PlanChangedException;
import io.loadwise.plans.PlanService;
import io.loadwise.plans.RecoverySession;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.SessionKind;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.SessionText;
import io.loadwise.roster.ClientId;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adds a session on a date of the plan: an easy run, cross-training or recovery, by duration and
 * RPE (strength sessions come from templates, where their exercises are put together).
 */
class AddSessionDialog extends Dialog {

    AddSessionDialog(ClientId client, ClientPlan plan, PlanService plans, Consumer<String> done) {
        setHeaderTitle("Add a session");
        setId("add-session-dialog");
        DatePicker date = new DatePicker("Date", plans.todayInBusiness());
        date.setId("add-date");
        date.setMin(plan.startDate());
        date.setMax(plan.endDate());
        Select<SessionKind> kind = new Select<>();
        kind.setId("add-kind");
        kind.setLabel("Kind");
        kind.setItems(List.of(SessionKind.RUN, SessionKind.CROSS_TRAINING, SessionKind.RECOVERY));
        kind.setItemLabelGenerator(SessionText::kind);
        kind.setValue(SessionKind.RECOVERY);
        TextField title = new TextField("Title");
        title.setId("add-title");
        IntegerField duration = new IntegerField("Duration (min)");
        duration.setId("add-duration");
        duration.setValue(20);
        TextField rpe = new TextField("Intensity (RPE)");
        rpe.setId("add-rpe");
        rpe.setValue("3-4");
        TextField reason = new TextField("Reason (shown to the client)");
        reason.setId("add-reason");
        Paragraph error = new Paragraph();
        error.setId("add-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        Button save = new Button("Add", e -> {
            try {
                if (date.getValue() == null || duration.getValue() == null) {
                    throw new IllegalArgumentException("Choose a date and a duration.");
                }
                SessionSpec spec =
                        switch (kind.getValue()) {
                            case RUN ->
                                new RunSession(
                                        title.getValue(),
                                        RunType.EASY,
                                        duration.getValue(),
                                        null,
                                        Intensity.rpe(rpe.getValue()),
                                        null,
                                        "");
                            case CROSS_TRAINING ->
                                new CrossTrainingSession(
                                        title.getValue(),
                                        CrossTrainingMode.CYCLING,
                                        duration.getValue(),
                                        Intensity.rpe(rpe.getValue()),
                                        "");
                            default ->
                                new RecoverySession(title.getValue(), duration.getValue(), List.of(), List.of(), "");
                        };
                plans.addSession(client, plan.revision(), date.getValue(), spec, reason.getValue());
                close();
                done.accept("Session added.");
            } catch (PlanChangedException ex) {
                close();
                done.accept("Not saved: " + ex.getMessage() + " — reloaded.");
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        save.setId("add-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new VerticalLayout(date, kind, title, duration, rpe, reason, error));
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
