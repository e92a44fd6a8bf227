package io.loadwise.ui.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.exercises.Exercise;
import io.loadwise.plans.CrossTrainingMode;
import io.loadwise.plans.CrossTrainingSession;
import io.loadwise.plans.ExerciseDose;
import io.loadwise.plans.Intensity;
import io.loadwise.plans.IntensityScale;
import io.loadwise.plans.RecoverySession;
import io.loadwise.plans.RunSession;
import io.loadwise.plans.RunType;
import io.loadwise.plans.SessionKind;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.templates.TemplateRules;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Adds or edits one session of a template week: its day and kind, and the fields of that kind;
 * strength sessions pick their exercises from the library. Checked with the rules saving applies
 * before it is handed back, so problems show here, at the session.
 */
final class SessionDialog extends Dialog {

    private final Consumer<TemplateSession> onDone;
    private final List<Exercise> library;

    private final Select<DayOfWeek> day = new Select<>();
    private final Select<SessionKind> kind = new Select<>();
    private final TextField title = new TextField("Title");
    private final TextArea notes = new TextArea("Notes for the client");
    private final Div kindFields = new Div();
    private final Paragraph problems = new Paragraph();

    // run
    private final Select<RunType> runType = new Select<>();
    private final IntegerField minutes = new IntegerField("Duration (min)");
    private final BigDecimalField distance = new BigDecimalField("Distance (km)");
    private final Select<IntensityScale> scale = new Select<>();
    private final TextField intensity = new TextField("Intensity");
    private final TextField repeats = new TextField("Repeats");
    // strength
    private final List<ExerciseDose> doses = new ArrayList<>();
    private final Div doseList = new Div();
    private final ComboBox<Exercise> exercise = new ComboBox<>("Exercise from the library");
    private final IntegerField sets = new IntegerField("Sets");
    private final IntegerField reps = new IntegerField("Reps");
    private final IntegerField hold = new IntegerField("Hold (s)");
    private final TextField load = new TextField("Load");
    private final TextField tempo = new TextField("Tempo");
    // cross-training
    private final Select<CrossTrainingMode> mode = new Select<>();
    // recovery
    private final TextArea formCues = new TextArea("Form cues (one a line)");
    private final TextArea habits = new TextArea("Habits (one a line)");

    SessionDialog(
            @Nullable TemplateSession session,
            DayOfWeek defaultDay,
            List<Exercise> library,
            Consumer<TemplateSession> onDone) {
        this.onDone = onDone;
        this.library = library;
        setId("session-dialog");
        setHeaderTitle(session == null ? "Add session" : "Edit session");
        day.setId("session-day");
        day.setLabel("Day");
        day.setItems(DayOfWeek.values());
        day.setItemLabelGenerator(Labels::day);
        day.setValue(session == null ? defaultDay : session.day());
        kind.setId("session-kind");
        kind.setLabel("Kind");
        kind.setItems(SessionKind.values());
        kind.setItemLabelGenerator(Labels::kind);
        title.setId("session-title");
        title.setMaxLength(SessionSpec.MAX_TITLE);
        title.setWidthFull();
        notes.setId("session-notes");
        notes.setWidthFull();
        problems.setId("session-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
        setUpKindFields();

        SessionSpec spec = session == null ? null : session.spec();
        kind.setValue(spec == null ? SessionKind.RUN : spec.kind());
        if (spec != null) {
            fill(spec);
        }
        kind.addValueChangeListener(e -> showKindFields());
        showKindFields();

        VerticalLayout form = new VerticalLayout(new HorizontalLayout(day, kind), title, kindFields, notes, problems);
        form.setPadding(false);
        form.setWidth("40rem");
        add(form);
        Button done = new Button(session == null ? "Add" : "Apply", click -> done());
        done.setId("session-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), done);
    }

    private void setUpKindFields() {
        runType.setId("run-type");
        runType.setLabel("Run");
        runType.setItems(RunType.values());
        runType.setItemLabelGenerator(Labels::runType);
        runType.setValue(RunType.EASY);
        minutes.setId("session-minutes");
        minutes.setMin(1);
        minutes.setMax(TemplateRules.MAX_MINUTES);
        distance.setId("run-distance");
        scale.setId("intensity-scale");
        scale.setLabel("Intensity by");
        scale.setItems(IntensityScale.values());
        scale.setItemLabelGenerator(Labels::scale);
        scale.setValue(IntensityScale.RPE);
        intensity.setId("intensity-value");
        intensity.setPlaceholder("e.g. 3-4");
        intensity.setMaxLength(TemplateRules.MAX_INTENSITY);
        repeats.setId("run-repeats");
        repeats.setPlaceholder("e.g. 6 × 20 s");
        exercise.setId("dose-exercise");
        exercise.setItems(library);
        exercise.setItemLabelGenerator(e -> e.name() + " (" + e.category().label() + ")");
        exercise.setWidth("18rem");
        exercise.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                // Holds for isometrics, reps otherwise: the usual prescription, adjustable.
                boolean isometric = e.getValue().category() == io.loadwise.exercises.ExerciseCategory.ISOMETRIC;
                sets.setValue(3);
                reps.setValue(isometric ? null : 8);
                hold.setValue(isometric ? 45 : null);
            }
        });
        sets.setId("dose-sets");
        reps.setId("dose-reps");
        hold.setId("dose-hold");
        load.setId("dose-load");
        tempo.setId("dose-tempo");
        List.of(sets, reps, hold).forEach(f -> f.setWidth("6rem"));
        List.of(load, tempo).forEach(f -> f.setWidth("7rem"));
        doseList.setId("doses");
        mode.setId("cross-mode");
        mode.setLabel("Mode");
        mode.setItems(CrossTrainingMode.values());
        mode.setItemLabelGenerator(Labels::mode);
        mode.setValue(CrossTrainingMode.CYCLING);
        formCues.setId("recovery-cues");
        habits.setId("recovery-habits");
    }

    private void fill(SessionSpec spec) {
        title.setValue(spec.title());
        notes.setValue(spec.notes());
        switch (spec) {
            case RunSession run -> {
                runType.setValue(run.type());
                minutes.setValue(run.durationMinutes());
                distance.setValue(run.distanceKm());
                scale.setValue(run.intensity().scale());
                intensity.setValue(run.intensity().value());
                repeats.setValue(run.repeats() == null ? "" : run.repeats());
            }
            case StrengthSession strength -> doses.addAll(strength.exercises());
            case CrossTrainingSession cross -> {
                mode.setValue(cross.mode());
                minutes.setValue(cross.durationMinutes());
                scale.setValue(cross.intensity().scale());
                intensity.setValue(cross.intensity().value());
            }
            case RecoverySession recovery -> {
                minutes.setValue(recovery.durationMinutes());
                formCues.setValue(String.join("\n", recovery.formCues()));
                habits.setValue(String.join("\n", recovery.habits()));
            }
        }
    }

    private void showKindFields() {
        kindFields.removeAll();
        switch (kind.getValue()) {
            case RUN ->
                kindFields.add(
                        new HorizontalLayout(runType, minutes, distance),
                        new HorizontalLayout(scale, intensity, repeats));
            case STRENGTH -> {
                Button addDose = new Button("Add exercise", click -> addDose());
                addDose.setId("add-dose");
                HorizontalLayout picker = new HorizontalLayout(exercise, sets, reps, hold, load, tempo, addDose);
                picker.setAlignItems(FlexComponent.Alignment.BASELINE);
                picker.setWrap(true);
                renderDoses();
                kindFields.add(doseList, picker);
            }
            case CROSS_TRAINING ->
                kindFields.add(new HorizontalLayout(mode, minutes), new HorizontalLayout(scale, intensity));
            case RECOVERY -> kindFields.add(minutes, new HorizontalLayout(formCues, habits));
        }
    }

    private void addDose() {
        Exercise picked = exercise.getValue();
        if (picked == null) {
            exercise.setErrorMessage("Pick an exercise from the library.");
            exercise.setInvalid(true);
            return;
        }
        exercise.setInvalid(false);
        doses.add(new ExerciseDose(
                picked.id().value(),
                picked.name(),
                sets.getValue() == null ? 0 : sets.getValue(),
                reps.getValue(),
                hold.getValue(),
                blankToNull(load.getValue()),
                blankToNull(tempo.getValue())));
        exercise.clear();
        load.clear();
        tempo.clear();
        renderDoses();
    }

    private void renderDoses() {
        doseList.removeAll();
        for (int i = 0; i < doses.size(); i++) {
            int index = i;
            Span line = new Span(doses.get(i).toString());
            line.addClassName("dose");
            Button remove = new Button("Remove", click -> {
                doses.remove(index);
                renderDoses();
            });
            remove.addClassName("remove-dose");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(line, remove);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            doseList.add(row);
        }
    }

    /** The session as entered, whatever its problems. */
    TemplateSession session() {
        String titleValue = title.getValue().strip();
        SessionSpec spec =
                switch (kind.getValue()) {
                    case RUN ->
                        new RunSession(
                                titleValue,
                                runType.getValue(),
                                minutes.getValue(),
                                distance.getValue(),
                                new Intensity(
                                        scale.getValue(), intensity.getValue().strip()),
                                blankToNull(repeats.getValue()),
                                notes.getValue());
                    case STRENGTH -> new StrengthSession(titleValue, List.copyOf(doses), notes.getValue());
                    case CROSS_TRAINING ->
                        new CrossTrainingSession(
                                titleValue,
                                mode.getValue(),
                                minutes.getValue() == null ? 0 : minutes.getValue(),
                                new Intensity(
                                        scale.getValue(), intensity.getValue().strip()),
                                notes.getValue());
                    case RECOVERY ->
                        new RecoverySession(
                                titleValue,
                                minutes.getValue(),
                                lines(formCues.getValue()),
                                lines(habits.getValue()),
                                notes.getValue());
                };
        return new TemplateSession(day.getValue(), spec);
    }

    private void done() {
        TemplateSession session = session();
        List<String> found = TemplateRules.sessionProblems(session);
        if (!found.isEmpty()) {
            problems.setText(String.join(
                    "\n",
                    found.stream()
                            .map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
                            .toList()));
            return;
        }
        onDone.accept(session);
        close();
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }
}
