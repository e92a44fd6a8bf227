package io.loadwise.ui.exercises;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.exercises.Exercise;
import io.loadwise.exercises.ExerciseCategory;
import io.loadwise.exercises.ExerciseDraft;
import io.loadwise.exercises.ExerciseFilter;
import io.loadwise.exercises.ExerciseLibrary;
import io.loadwise.exercises.ExerciseNameTakenException;
import io.loadwise.exercises.ExerciseRules;
import io.loadwise.exercises.ExerciseTarget;
import io.loadwise.exercises.FieldProblem;
import io.loadwise.exercises.InvalidExerciseException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The business's exercise library: filter by category, target and text; add, edit and archive
 * exercises with the same checks saving applies, shown at the field they concern.
 */
@Route(value = "coach/exercises", layout = MainLayout.class)
@PageTitle("Exercises · Loadwise")
@RolesAllowed("COACH")
public class ExerciseLibraryView extends Main {

    private final ExerciseLibrary library;
    private final Select<ExerciseCategory> category = new Select<>();
    private final Select<ExerciseTarget> target = new Select<>();
    private final TextField search = new TextField();
    private final Grid<Exercise> grid = new Grid<>(Exercise.class, false);

    public ExerciseLibraryView(ExerciseLibrary library) {
        this.library = library;
        add(new H2("Exercises"));
        if (TenantContext.current().isEmpty()) {
            Paragraph noTenant = new Paragraph("Your account is not linked to one coaching business.");
            noTenant.setId("no-tenant");
            add(noTenant);
            return;
        }
        category.setId("filter-category");
        category.setLabel("Category");
        category.setItems(ExerciseCategory.values());
        category.setItemLabelGenerator(c -> c == null ? "All categories" : c.label());
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption("All categories");
        target.setId("filter-target");
        target.setLabel("Target");
        target.setItems(ExerciseTarget.values());
        target.setItemLabelGenerator(t -> t == null ? "All targets" : t.label());
        target.setEmptySelectionAllowed(true);
        target.setEmptySelectionCaption("All targets");
        search.setId("filter-text");
        search.setLabel("Search");
        search.setPlaceholder("Name or cue");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        category.addValueChangeListener(e -> refresh());
        target.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());
        Button add = new Button("Add exercise", click -> new ExerciseDialog(null).open());
        add.setId("add-exercise");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(category, target, search, add);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("exercises");
        grid.addColumn(Exercise::name).setHeader("Name").setFlexGrow(2).setSortable(true);
        grid.addColumn(e -> e.category().label()).setHeader("Category").setSortable(true);
        grid.addColumn(e -> e.target().label()).setHeader("Target").setSortable(true);
        grid.addColumn(Exercise::defaultDosage).setHeader("Default dosage").setFlexGrow(2);
        grid.addItemClickListener(click -> new ExerciseDialog(click.getItem()).open());
        add(new Paragraph("The loading exercises your templates and plans use. Click one to edit it."), filters, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(library.list(new ExerciseFilter(category.getValue(), target.getValue(), search.getValue())));
    }

    /** Opens the dialog for an exercise (tests and links use it). */
    void edit(@Nullable Exercise exercise) {
        new ExerciseDialog(exercise).open();
    }

    /** Adding a new exercise, or editing one. */
    final class ExerciseDialog extends Dialog {

        private @Nullable Exercise exercise;
        private final TextField name = new TextField("Name");
        private final Select<ExerciseCategory> category = new Select<>();
        private final Select<ExerciseTarget> target = new Select<>();
        private final TextField dosage = new TextField("Default dosage");
        private final TextArea cues = new TextArea("Coaching cues");
        private final TextField video = new TextField("Video link (optional)");

        ExerciseDialog(@Nullable Exercise exercise) {
            this.exercise = exercise;
            setId("exercise-dialog");
            setHeaderTitle(exercise == null ? "Add exercise" : "Edit exercise");
            name.setId("exercise-name");
            name.setMaxLength(ExerciseRules.MAX_NAME);
            category.setId("exercise-category");
            category.setLabel("Category");
            category.setItems(ExerciseCategory.values());
            category.setItemLabelGenerator(ExerciseCategory::label);
            target.setId("exercise-target");
            target.setLabel("Target");
            target.setItems(ExerciseTarget.values());
            target.setItemLabelGenerator(ExerciseTarget::label);
            dosage.setId("exercise-dosage");
            dosage.setPlaceholder("e.g. 5 × 45 s hold");
            cues.setId("exercise-cues");
            video.setId("exercise-video");
            video.setPlaceholder("https://");
            if (exercise != null) {
                name.setValue(exercise.name());
                category.setValue(exercise.category());
                target.setValue(exercise.target());
                dosage.setValue(exercise.defaultDosage());
                cues.setValue(exercise.cues());
                video.setValue(exercise.videoUrl() == null ? "" : exercise.videoUrl());
            }
            VerticalLayout form = new VerticalLayout(name, new HorizontalLayout(category, target), dosage, cues, video);
            form.setPadding(false);
            form.setWidth("32rem");
            List.of(name, dosage, cues, video).forEach(f -> f.setWidthFull());
            add(form);
            Button save = new Button("Save", click -> save());
            save.setId("save-exercise");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button cancel = new Button("Cancel", click -> close());
            if (exercise != null) {
                Button archive = new Button("Archive", click -> archive());
                archive.setId("archive-exercise");
                archive.addThemeVariants(ButtonVariant.LUMO_ERROR);
                getFooter().add(archive);
            }
            getFooter().add(cancel, save);
        }

        private void save() {
            clearErrors();
            ExerciseDraft draft = new ExerciseDraft(
                    name.getValue(),
                    category.getValue(),
                    target.getValue(),
                    dosage.getValue(),
                    cues.getValue(),
                    video.getValue());
            try {
                Exercise saved = exercise == null
                        ? library.create(draft)
                        : library.update(exercise.id(), exercise.version(), draft);
                Notification.show("“" + saved.name() + "” saved.");
                close();
                refresh();
            } catch (InvalidExerciseException e) {
                e.problems().forEach(this::show);
            } catch (ExerciseNameTakenException e) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            } catch (StaleVersionException e) {
                reloadAfterConflict();
            }
        }

        private void archive() {
            Exercise current = exercise;
            if (current == null) {
                return;
            }
            try {
                library.archive(current.id(), current.version());
                Notification.show("“" + current.name() + "” archived; templates that use it keep it.");
                close();
                refresh();
            } catch (StaleVersionException e) {
                reloadAfterConflict();
            }
        }

        private void reloadAfterConflict() {
            Notification.show("This exercise was changed by someone else — reloaded. Apply your change again.");
            close();
            refresh();
            if (exercise != null) {
                Exercise fresh = library.get(exercise.id());
                if (!fresh.archived()) {
                    new ExerciseDialog(fresh).open();
                }
            }
        }

        private void show(FieldProblem problem) {
            switch (problem.field()) {
                case "name" -> invalid(name, problem.message());
                case "category" -> {
                    category.setErrorMessage(problem.message());
                    category.setInvalid(true);
                }
                case "target" -> {
                    target.setErrorMessage(problem.message());
                    target.setInvalid(true);
                }
                case "defaultDosage" -> invalid(dosage, problem.message());
                case "cues" -> {
                    cues.setErrorMessage(problem.message());
                    cues.setInvalid(true);
                }
                default -> invalid(video, problem.message());
            }
        }

        private static void invalid(TextField field, String message) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        }

        private void clearErrors() {
            List.of(name, dosage, video).forEach(f -> f.setInvalid(false));
            cues.setInvalid(false);
            category.setInvalid(false);
            target.setInvalid(false);
        }
    }
}
