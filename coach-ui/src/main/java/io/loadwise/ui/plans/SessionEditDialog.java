package io.loadwise.ui.plans;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.CrossTrainingMode;
import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.ExerciseDose;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.PlanChangedException;
import io.loadwise.plans.PlanOverview;
import io.loadwise.plans.PlanService;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.RecoverySession;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.StrengthSession;
import io.loadwise.roster.ClientId;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Edits one session: the fields of its kind, a reason the client will read, another date, or
 * cancelling it. Saved against the plan revision the coach looked at: if the plan engine or
 * another coach changed the plan meanwhile, nothing is saved and the caller reloads and says who.
 */
class SessionEditDialog extends Dialog {

    private final TextField title = new TextField("Title");
    private final TextArea notes = new TextArea("Notes for the client");
    private final TextField reason = new TextField("Reason (shown to the client)");
    private final DatePicker date = new DatePicker("Date");
    private final Select<RunType> runType = new Select<>();
    private final Select<CrossTrainingMode> mode = new Select<>();
    private final IntegerField duration = new IntegerField("Duration (min)");
    private final BigDecimalField distance = new BigDecimalField("Distance (km)");
    private final TextField intensity = new TextField("Intensity");
    private final Paragraph error = new Paragraph();

    /**
     * @param done gets the reloaded plan after a save, or null-safe message text on a conflict
     */
    SessionEditDialog(ClientId client, ClientPlan plan, PlanSession session, PlanService plans, Consumer<String> done) {
        setHeaderTitle("Edit session of " + session.date());
        setId("session-dialog");
        title.setId("session-title");
        notes.setId("session-notes");
        reason.setId("session-reason");
        date.setId("session-date");
        runType.setId("session-run-type");
        runType.setLabel("Run type");
        runType.setItems(RunType.values());
        runType.setItemLabelGenerator(RunType::code);
        mode.setId("session-mode");
        mode.setLabel("Mode");
        mode.setItems(CrossTrainingMode.values());
        mode.setItemLabelGenerator(CrossTrainingMode::code);
        duration.setId("session-duration");
        distance.setId("session-distance");
        intensity.setId("session-intensity");
        error.setId("session-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        SessionSpec spec = session.spec();
        title.setValue(spec.title());
        notes.setValue(spec.notes());
        date.setValue(session.date());
        date.setMin(plan.startDate());
        date.setMax(plan.endDate());
        VerticalLayout fields = new VerticalLayout(title);
        switch (spec) {
            case RunSession run -> {
                runType.setValue(run.type());
                duration.setValue(run.durationMinutes());
                distance.setValue(run.distanceKm());
                intensity.setLabel("Intensity (" + run.intensity().scale().code() + ")");
                intensity.setValue(run.intensity().value());
                fields.add(runType, duration, distance, intensity);
            }
            case CrossTrainingSession cross -> {
                mode.setValue(cross.mode());
                duration.setValue(cross.durationMinutes());
                intensity.setLabel("Intensity (" + cross.intensity().scale().code() + ")");
                intensity.setValue(cross.intensity().value());
                fields.add(mode, duration, intensity);
            }
            case RecoverySession recovery -> {
                duration.setValue(recovery.durationMinutes());
                fields.add(duration);
            }
            case StrengthSession strength -> {
                Paragraph exercises = new Paragraph("Exercises: "
                        + strength.exercises().stream()
                                .map(ExerciseDose::toString)
                                .collect(Collectors.joining("; ")));
                exercises.setId("session-exercises");
                fields.add(exercises);
            }
        }
        fields.add(notes, date, reason, error);
        add(fields);

        Button save = new Button("Save", e -> {
            try {
                SessionSpec edited = edited(spec);
                int revision = plan.revision();
                PlanOverview after = null;
                if (!edited.equals(spec)) {
                    after = plans.editSession(client, session.id(), revision, edited, reason.getValue());
                    revision = after.plan().revision();
                }
                if (date.getValue() != null && !date.getValue().equals(session.date())) {
                    PlanSession current = after == null
                            ? session
                            : after.weeks().stream()
                                    .flatMap(w -> w.sessions().stream())
                                    .filter(s -> s.id().equals(session.id()))
                                    .findFirst()
                                    .orElse(session);
                    plans.moveSession(client, current.id(), revision, date.getValue(), reason.getValue());
                }
                close();
                done.accept("Saved.");
            } catch (PlanChangedException ex) {
                close();
                done.accept("Not saved: " + ex.getMessage() + " — reloaded.");
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        save.setId("session-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancelSession = new Button("Cancel session", e -> {
            try {
                plans.cancelSession(client, session.id(), plan.revision(), reason.getValue());
                close();
                done.accept("Session cancelled.");
            } catch (PlanChangedException ex) {
                close();
                done.accept("Not saved: " + ex.getMessage() + " — reloaded.");
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            }
        });
        cancelSession.setId("session-cancel");
        cancelSession.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button close = new Button("Close", e -> close());
        getFooter().add(close, cancelSession, save);
    }

    private SessionSpec edited(SessionSpec spec) {
        return switch (spec) {
            case RunSession run ->
                new RunSession(
                        title.getValue(),
                        runType.getValue(),
                        duration.getValue(),
                        distance.getValue(),
                        new Intensity(run.intensity().scale(), intensity.getValue()),
                        run.repeats(),
                        notes.getValue());
            case CrossTrainingSession cross -> {
                if (duration.getValue() == null) {
                    throw new IllegalArgumentException("Cross-training needs a duration.");
                }
                yield new CrossTrainingSession(
                        title.getValue(),
                        mode.getValue(),
                        duration.getValue(),
                        new Intensity(cross.intensity().scale(), intensity.getValue()),
                        notes.getValue());
            }
            case RecoverySession recovery ->
                new RecoverySession(
                        title.getValue(),
                        duration.getValue(),
                        recovery.formCues(),
                        recovery.habits(),
                        notes.getValue());
            case StrengthSession strength ->
                new StrengthSession(title.getValue(), strength.exercises(), notes.getValue());
        };
    }
}
