package io.loadwise.ui.checkins;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import io.loadwise.checkins.CheckInRules;
import io.loadwise.checkins.CheckInService;
import io.loadwise.checkins.InvalidEntryException;
import io.loadwise.checkins.LogVersionRequiredException;
import io.loadwise.checkins.LoggableSession;
import io.loadwise.checkins.LoggedLoad;
import io.loadwise.checkins.SessionLog;
import io.loadwise.checkins.SessionLogEntry;
import io.loadwise.checkins.SessionOutcome;
import io.loadwise.plans.ExerciseDose;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.StrengthSession;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Logging one session: how it went, how long and far, how hard, and for a strength session what
 * was lifted or held per exercise. Opens with the session's log when there is one; saving it
 * again changes that log (checked against the version shown).
 */
class SessionLogDialog extends Dialog {

    final Select<SessionOutcome> outcome = new Select<>();
    final IntegerField duration = new IntegerField("Duration (minutes)");
    final BigDecimalField distance = new BigDecimalField("Distance (km)");
    final IntegerField rpe = new IntegerField("Effort (RPE 1-10)");
    final TextArea notes = new TextArea("Notes");
    final List<LoadRow> loads = new ArrayList<>();
    final Paragraph formError = new Paragraph();
    final Button save = new Button("Save log");

    private final CheckInService checkIns;
    private final LoggableSession session;
    private final Runnable saved;

    /** One exercise's row: the prescribed exercise and what was done. */
    record LoadRow(
            String exercise,
            IntegerField sets,
            @Nullable IntegerField reps,
            @Nullable IntegerField hold,
            BigDecimalField kg) {}

    SessionLogDialog(CheckInService checkIns, LoggableSession session, Runnable saved) {
        this.checkIns = checkIns;
        this.session = session;
        this.saved = saved;
        setId("session-log-dialog");
        setHeaderTitle("Log: " + session.session().spec().title() + " · "
                + Dates.day(session.session().date()));
        outcome.setLabel("How did it go?");
        outcome.setId("log-outcome");
        outcome.setItems(SessionOutcome.values());
        outcome.setItemLabelGenerator(o -> switch (o) {
            case DONE -> "Done";
            case PARTIAL -> "Partly done";
            case SKIPPED -> "Skipped";
        });
        duration.setId("log-duration");
        distance.setId("log-distance");
        rpe.setId("log-rpe");
        rpe.setHelperText("1 = very easy, 10 = all-out");
        notes.setId("log-notes");
        notes.setMaxLength(CheckInRules.MAX_NOTES);
        notes.setWidthFull();
        formError.setId("log-error");
        formError.getStyle().set("color", "var(--lumo-error-text-color)");
        formError.setVisible(false);
        FormLayout form = new FormLayout(outcome, duration, rpe);
        if (session.session().spec() instanceof RunSession) {
            form.add(distance);
        }
        Div content = new Div(form);
        if (session.session().spec() instanceof StrengthSession strength
                && !strength.exercises().isEmpty()) {
            content.add(new H4("Exercises"));
            for (int i = 0; i < strength.exercises().size(); i++) {
                content.add(loadRow(i, strength.exercises().get(i)));
            }
        }
        content.add(notes, formError);
        add(content);
        save.setId("log-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
        fill(session.log());
    }

    private HorizontalLayout loadRow(int index, ExerciseDose dose) {
        IntegerField sets = new IntegerField("Sets");
        sets.setId("load-" + index + "-sets");
        sets.setValue(dose.sets());
        IntegerField reps = null;
        IntegerField hold = null;
        if (dose.holdSeconds() != null) {
            hold = new IntegerField("Hold (s)");
            hold.setId("load-" + index + "-hold");
            hold.setValue(dose.holdSeconds());
        } else {
            reps = new IntegerField("Reps");
            reps.setId("load-" + index + "-reps");
            reps.setValue(dose.reps());
        }
        BigDecimalField kg = new BigDecimalField("Load (kg)");
        kg.setId("load-" + index + "-kg");
        LoadRow row = new LoadRow(dose.name(), sets, reps, hold, kg);
        loads.add(row);
        Span name = new Span(dose.toString());
        name.setWidth("14em");
        HorizontalLayout layout = new HorizontalLayout(name, sets, reps != null ? reps : hold, kg);
        layout.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        return layout;
    }

    private void fill(@Nullable SessionLog log) {
        if (log == null) {
            outcome.setValue(SessionOutcome.DONE);
            if (session.session().spec() instanceof RunSession run) {
                duration.setValue(run.durationMinutes());
            }
            return;
        }
        outcome.setValue(log.outcome());
        duration.setValue(log.durationMinutes());
        distance.setValue(log.distanceKm());
        rpe.setValue(log.rpe());
        notes.setValue(log.notes());
        for (LoadRow row : loads) {
            Optional<LoggedLoad> logged = log.loads().stream()
                    .filter(l -> l.exercise().equals(row.exercise()))
                    .findFirst();
            logged.ifPresent(l -> {
                row.sets().setValue(l.sets());
                if (row.reps() != null) {
                    row.reps().setValue(l.reps());
                }
                if (row.hold() != null) {
                    row.hold().setValue(l.holdSeconds());
                }
                row.kg().setValue(l.loadKg());
            });
        }
    }

    private void save() {
        fields().forEach(f -> f.setInvalid(false));
        formError.setVisible(false);
        List<LoggedLoad> logged = loads.stream()
                .map(row -> new LoggedLoad(
                        row.exercise(),
                        row.sets().getValue(),
                        row.reps() == null ? null : row.reps().getValue(),
                        row.hold() == null ? null : row.hold().getValue(),
                        row.kg().getValue()))
                .toList();
        SessionLogEntry entry = new SessionLogEntry(
                outcome.getValue(), duration.getValue(), distance.getValue(), rpe.getValue(), logged, notes.getValue());
        try {
            checkIns.logMySession(
                    session.session().id(),
                    session.log() == null ? null : session.log().version(),
                    entry);
        } catch (InvalidEntryException e) {
            show(e.field(), e.getMessage());
            return;
        } catch (StaleVersionException | LogVersionRequiredException e) {
            show(
                    "",
                    "This log was changed elsewhere (another device?) since you opened it. Close this dialog and"
                            + " open it again to see the latest.");
            return;
        } catch (NotFoundException | IllegalArgumentException e) {
            show("", e.getMessage());
            return;
        }
        close();
        saved.run();
    }

    private void show(String field, String message) {
        Map<String, HasValidation> byField = new HashMap<>();
        byField.put("outcome", outcome);
        byField.put("durationMinutes", duration);
        byField.put("distanceKm", distance);
        byField.put("rpe", rpe);
        byField.put("notes", notes);
        for (int i = 0; i < loads.size(); i++) {
            LoadRow row = loads.get(i);
            byField.put("loads[" + i + "].sets", row.sets());
            byField.put("loads[" + i + "].loadKg", row.kg());
            if (row.reps() != null) {
                byField.put("loads[" + i + "].reps", row.reps());
            }
            if (row.hold() != null) {
                byField.put("loads[" + i + "].holdSeconds", row.hold());
            }
        }
        HasValidation target = byField.get(field);
        if (target == null) {
            formError.setText(message);
            formError.setVisible(true);
        } else {
            target.setErrorMessage(message);
            target.setInvalid(true);
        }
    }

    private List<HasValidation> fields() {
        List<HasValidation> fields = new ArrayList<>(List.<HasValidation>of(outcome, duration, distance, rpe, notes));
        for (LoadRow row : loads) {
            fields.add(row.sets());
            fields.add(row.kg());
            if (row.reps() != null) {
                fields.add(row.reps());
            }
            if (row.hold() != null) {
                fields.add(row.hold());
            }
        }
        return fields;
    }
}
