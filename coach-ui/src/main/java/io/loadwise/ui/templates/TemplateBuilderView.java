package io.loadwise.ui.templates;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.exercises.Exercise;
import io.loadwise.exercises.ExerciseFilter;
import io.loadwise.exercises.ExerciseLibrary;
import io.loadwise.plans.ExitCriteria;
import io.loadwise.plans.Phase;
import io.loadwise.plans.SessionSpec;
import io.loadwise.plans.StrengthSession;
import io.loadwise.plans.TemplateCondition;
import io.loadwise.plans.TemplateContent;
import io.loadwise.plans.TemplateId;
import io.loadwise.plans.TemplateSession;
import io.loadwise.plans.TemplateWeek;
import io.loadwise.plans.templates.InvalidTemplateException;
import io.loadwise.plans.templates.PlanTemplate;
import io.loadwise.plans.templates.TemplateBuilder;
import io.loadwise.plans.templates.TemplateBuilder.CopyPlacement;
import io.loadwise.plans.templates.TemplateDraft;
import io.loadwise.plans.templates.TemplatePreview;
import io.loadwise.plans.templates.TemplateProblem;
import io.loadwise.plans.templates.TemplateRules;
import io.loadwise.plans.templates.TemplateService;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The template builder: phases as sections (name, goal, entry and exit criteria, what follows),
 * their weeks with sessions by weekday, edits that move, copy and delete, and a calendar preview.
 * Edits stay in the page until Save, which checks the whole template and shows each problem at
 * the phase or week it concerns; a save over a colleague's newer version is refused and reloads.
 */
@Route(value = "coach/templates", layout = MainLayout.class)
@PageTitle("Template builder · Loadwise")
@RolesAllowed("COACH")
public class TemplateBuilderView extends Main implements HasUrlParameter<String> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final TemplateService templates;
    private final ExerciseLibrary exercises;
    private final Clock clock;

    private final H2 heading = new H2("Template");
    private final TextField name = new TextField("Name");
    private final Select<TemplateCondition> condition = new Select<>();
    private final TextArea description = new TextArea("Description");
    private final Div errors = new Div();
    private final Div phases = new Div();
    private final DatePicker previewStart = new DatePicker("First day");
    private final Div calendar = new Div();
    private final Paragraph previewProblems = new Paragraph();

    private @Nullable PlanTemplate saved;
    private int version;
    private TemplateContent content = new TemplateContent(List.of());
    private List<TemplateProblem> problems = List.of();

    public TemplateBuilderView(TemplateService templates, ExerciseLibrary exercises, Clock clock) {
        this.templates = templates;
        this.exercises = exercises;
        this.clock = clock;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        add(heading);
        if (TenantContext.current().isEmpty()) {
            Paragraph noTenant = new Paragraph("Your account is not linked to one coaching business.");
            noTenant.setId("no-tenant");
            add(noTenant);
            return;
        }
        buildPage();
        if ("new".equals(parameter)) {
            saved = null;
            version = 0;
            name.clear();
            condition.setValue(TemplateCondition.GENERAL);
            description.clear();
            content = TemplateBuilder.addPhase(new TemplateContent(List.of()), "Isometrics & pain control");
            problems = List.of();
            heading.setText("New template");
            render();
            return;
        }
        try {
            load(new TemplateId(UUID.fromString(parameter)));
        } catch (IllegalArgumentException | NotFoundException e) {
            removeAll();
            Paragraph missing = new Paragraph("There is no such template in your business.");
            missing.setId("template-not-found");
            add(heading, missing);
        }
    }

    private void buildPage() {
        name.setId("template-name");
        name.setMaxLength(TemplateRules.MAX_NAME);
        name.setWidth("32rem");
        condition.setId("template-condition");
        condition.setLabel("For");
        condition.setItems(TemplateCondition.values());
        condition.setItemLabelGenerator(Labels::condition);
        description.setId("template-description");
        description.setWidthFull();
        errors.setId("template-errors");
        errors.getStyle().set("color", "var(--lumo-error-text-color)");
        phases.setId("phases");
        Button addPhase = new Button("Add phase", click -> edit(c -> TemplateBuilder.addPhase(c, "New phase")));
        addPhase.setId("add-phase");
        Button save = new Button("Save", click -> save());
        save.setId("save-template");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discard = new Button("Discard changes", click -> {
            if (saved != null) {
                load(saved.id());
            }
        });
        discard.setId("discard-template");
        Div build = new Div(phases, addPhase);

        previewStart.setId("preview-start");
        previewStart.setValue(LocalDate.now(clock).with(TemporalAdjusters.next(DayOfWeek.MONDAY)));
        previewStart.addValueChangeListener(e -> showPreview());
        calendar.setId("preview");
        previewProblems.setId("preview-problems");
        previewProblems.getStyle().set("color", "var(--lumo-error-text-color)");
        Div preview = new Div(
                new Paragraph("The calendar a client would get, starting on the day you choose."),
                previewStart,
                previewProblems,
                calendar);

        TabSheet tabs = new TabSheet();
        tabs.setId("builder-tabs");
        tabs.setWidthFull();
        tabs.add("Build", build);
        tabs.add("Preview", preview);
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab().getLabel().equals("Preview")) {
                showPreview();
            }
        });
        HorizontalLayout header = new HorizontalLayout(name, condition);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(header, description, errors, new HorizontalLayout(save, discard), tabs);
    }

    private void load(TemplateId id) {
        PlanTemplate template = templates.get(id);
        saved = template;
        version = template.version();
        name.setValue(template.name());
        condition.setValue(template.condition());
        description.setValue(template.description());
        content = template.content();
        problems = List.of();
        heading.setText(template.name());
        render();
    }

    private void save() {
        TemplateDraft draft = new TemplateDraft(name.getValue(), description.getValue(), condition.getValue(), content);
        PlanTemplate current = saved;
        try {
            PlanTemplate result =
                    current == null ? templates.create(draft) : templates.update(current.id(), version, draft);
            saved = result;
            version = result.version();
            content = result.content();
            problems = List.of();
            heading.setText(result.name());
            render();
            Notification.show("Template saved.");
        } catch (InvalidTemplateException e) {
            problems = e.problems();
            render();
        } catch (StaleVersionException e) {
            Notification.show("This template was changed by someone else — reloaded. Apply your change again.");
            if (current != null) {
                load(current.id());
            }
        }
    }

    /** Applies an edit to the document and redraws it. */
    private void edit(UnaryOperator<TemplateContent> change) {
        content = change.apply(content);
        render();
    }

    private void render() {
        errors.removeAll();
        List<TemplateProblem> general =
                problems.stream().filter(p -> p.phase() == 0).toList();
        if (!problems.isEmpty()) {
            errors.add(new Paragraph(problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + " to fix before the template can be saved:"));
            UnorderedList list = new UnorderedList();
            problems.forEach(p -> list.add(new ListItem(p.describe())));
            errors.add(list);
        }
        if (!general.isEmpty()) {
            name.setInvalid(general.stream().anyMatch(p -> p.message().contains("name")));
            name.setErrorMessage(general.getFirst().message());
        } else {
            name.setInvalid(false);
        }
        phases.removeAll();
        for (int p = 0; p < content.phases().size(); p++) {
            phases.add(phaseSection(p, content.phases().get(p)));
        }
    }

    private Component phaseSection(int index, Phase phase) {
        Div section = new Div();
        section.setId("phase-" + (index + 1));
        section.addClassName("phase");
        section.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-m)")
                .set("margin-bottom", "var(--lumo-space-m)");
        section.add(new H3("Phase " + (index + 1) + " · " + phase.name()));
        section.add(problemsOf(index + 1, 0, "phase-problems"));

        TextField phaseName = new TextField(
                "Name", phase.name(), e -> updatePhase(index, p -> phase(p, e.getValue(), null, null, null, null)));
        phaseName.addClassName("phase-name");
        TextField key = new TextField(
                "Key", phase.key(), e -> updatePhase(index, p -> phase(p, null, e.getValue(), null, null, null)));
        key.addClassName("phase-key");
        key.setHelperText("a-z, 0-9 and dashes");
        Select<String> next = new Select<>();
        next.addClassName("phase-next");
        next.setLabel("Then");
        List<String> others = new ArrayList<>();
        content.phases().stream()
                .map(Phase::key)
                .filter(k -> !k.equals(phase.key()))
                .forEach(others::add);
        next.setItems(others);
        next.setEmptySelectionAllowed(true);
        next.setEmptySelectionCaption("The next phase in the list");
        next.setItemLabelGenerator(k -> k == null
                ? "The next phase in the list"
                : content.phase(k).map(Phase::name).orElse(k));
        if (phase.next() != null && others.contains(phase.next())) {
            next.setValue(phase.next());
        }
        next.addValueChangeListener(e -> updatePhase(
                index,
                p -> new Phase(p.key(), p.name(), p.goal(), p.entryCriteria(), p.exit(), e.getValue(), p.weeks())));
        TextArea goal = new TextArea(
                "Goal", phase.goal(), e -> updatePhase(index, p -> phase(p, null, null, e.getValue(), null, null)));
        goal.addClassName("phase-goal");
        goal.setWidthFull();
        TextArea entry = new TextArea(
                "Entry criteria",
                phase.entryCriteria(),
                e -> updatePhase(index, p -> phase(p, null, null, null, e.getValue(), null)));
        entry.addClassName("phase-entry");
        entry.setWidthFull();
        IntegerField calmWeeks = exitField(
                "Calm weeks to move on",
                "phase-calm-weeks",
                phase.exit().calmWeeks(),
                value -> updatePhase(
                        index,
                        p -> phase(
                                p,
                                null,
                                null,
                                null,
                                null,
                                new ExitCriteria(
                                        value, p.exit().maxPain(), p.exit().minCompletionPercent()))));
        IntegerField maxPain = exitField(
                "Highest pain (0-10)",
                "phase-max-pain",
                phase.exit().maxPain(),
                value -> updatePhase(
                        index,
                        p -> phase(
                                p,
                                null,
                                null,
                                null,
                                null,
                                new ExitCriteria(
                                        p.exit().calmWeeks(), value, p.exit().minCompletionPercent()))));
        IntegerField completion = exitField(
                "Sessions done (%)",
                "phase-completion",
                phase.exit().minCompletionPercent(),
                value -> updatePhase(
                        index,
                        p -> phase(
                                p,
                                null,
                                null,
                                null,
                                null,
                                new ExitCriteria(p.exit().calmWeeks(), p.exit().maxPain(), value))));
        HorizontalLayout identity = new HorizontalLayout(phaseName, key, next);
        identity.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout exit = new HorizontalLayout(calmWeeks, maxPain, completion);
        section.add(identity, goal, entry, new Span("Moves on after:"), exit);

        Button up = small("Move up", "move-phase-up", () -> edit(c -> TemplateBuilder.movePhase(c, index, -1)));
        up.setEnabled(index > 0);
        Button down = small("Move down", "move-phase-down", () -> edit(c -> TemplateBuilder.movePhase(c, index, +1)));
        down.setEnabled(index < content.phases().size() - 1);
        Button remove = small("Delete phase", "remove-phase", () -> edit(c -> TemplateBuilder.removePhase(c, index)));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button addWeek = small("Add week", "add-week", () -> edit(c -> TemplateBuilder.addWeek(c, index)));
        section.add(new HorizontalLayout(up, down, addWeek, remove));

        for (int w = 0; w < phase.weeks().size(); w++) {
            section.add(
                    weekSection(index, w, phase.weeks().get(w), phase.weeks().size()));
        }
        return section;
    }

    private Component weekSection(int phase, int index, TemplateWeek week, int weeks) {
        Div section = new Div();
        section.setId("phase-" + (phase + 1) + "-week-" + (index + 1));
        section.addClassName("week");
        section.getStyle()
                .set("border-top", "1px solid var(--lumo-contrast-10pct)")
                .set("padding-top", "var(--lumo-space-s)")
                .set("margin-top", "var(--lumo-space-s)");
        section.add(new H4("Week " + (index + 1)));
        section.add(problemsOf(phase + 1, index + 1, "week-problems"));
        TextField focus = new TextField("Focus", week.focus(), e -> {
            content = TemplateBuilder.setWeekFocus(content, phase, index, e.getValue());
        });
        focus.addClassName("week-focus");
        focus.setWidth("24rem");
        Button up = small("↑", "move-week-up", () -> edit(c -> TemplateBuilder.moveWeek(c, phase, index, -1)));
        up.setEnabled(index > 0);
        up.setTooltipText("Move the week up");
        Button down = small("↓", "move-week-down", () -> edit(c -> TemplateBuilder.moveWeek(c, phase, index, +1)));
        down.setEnabled(index < weeks - 1);
        down.setTooltipText("Move the week down");
        Button copy = small(
                "Copy",
                "copy-week",
                () -> edit(c -> TemplateBuilder.copyWeek(c, phase, index, CopyPlacement.AFTER_ITSELF)));
        copy.setTooltipText("Copy the week right after itself");
        Button copyToEnd = small(
                "Copy to end",
                "copy-week-to-end",
                () -> edit(c -> TemplateBuilder.copyWeek(c, phase, index, CopyPlacement.END_OF_PHASE)));
        Button remove =
                small("Delete week", "remove-week", () -> edit(c -> TemplateBuilder.removeWeek(c, phase, index)));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button addSession =
                small("Add session", "add-session", () -> openSessionDialog(phase, index, -1, null, DayOfWeek.MONDAY));
        HorizontalLayout tools = new HorizontalLayout(focus, up, down, copy, copyToEnd, addSession, remove);
        tools.setAlignItems(FlexComponent.Alignment.BASELINE);
        tools.setWrap(true);
        section.add(tools);

        List<TemplateSession> sessions = TemplateBuilder.sessionsByDay(week);
        HorizontalLayout days = new HorizontalLayout();
        days.setWidthFull();
        days.setSpacing(false);
        for (DayOfWeek day : DayOfWeek.values()) {
            Div cell = new Div();
            cell.addClassName("weekday");
            cell.getElement().setAttribute("data-day", day.name());
            cell.getStyle()
                    .set("flex", "1")
                    .set("min-width", "7rem")
                    .set("padding", "var(--lumo-space-xs)")
                    .set("border-left", "1px solid var(--lumo-contrast-10pct)");
            Span dayName = new Span(Labels.shortDay(day));
            dayName.getStyle().set("font-weight", "600");
            Button addHere = small("+", "add-session-on-day", () -> openSessionDialog(phase, index, -1, null, day));
            addHere.setTooltipText("Add a session on " + Labels.day(day));
            cell.add(new HorizontalLayout(dayName, addHere));
            for (int s = 0; s < sessions.size(); s++) {
                if (sessions.get(s).day() == day) {
                    cell.add(sessionCard(phase, index, s, sessions.get(s), sessions.size()));
                }
            }
            days.add(cell);
        }
        section.add(days);
        return section;
    }

    private Component sessionCard(int phase, int week, int index, TemplateSession session, int count) {
        Div card = new Div();
        card.setId("phase-" + (phase + 1) + "-week-" + (week + 1) + "-session-" + (index + 1));
        card.addClassName("session");
        card.getStyle()
                .set("background", "var(--lumo-contrast-5pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-xs)")
                .set("margin-top", "var(--lumo-space-xs)")
                .set("font-size", "var(--lumo-font-size-s)");
        SessionSpec spec = session.spec();
        Span title = new Span(Labels.kind(spec.kind()) + ": " + Labels.summary(spec));
        title.addClassName("session-summary");
        card.add(title);
        if (spec instanceof StrengthSession strength) {
            card.setTitle(Labels.exercises(strength));
        }
        Button edit =
                small("Edit", "edit-session", () -> openSessionDialog(phase, week, index, session, session.day()));
        Button up =
                small("↑", "move-session-up", () -> edit(c -> TemplateBuilder.moveSession(c, phase, week, index, -1)));
        up.setTooltipText("Earlier in the week");
        Button down = small(
                "↓", "move-session-down", () -> edit(c -> TemplateBuilder.moveSession(c, phase, week, index, +1)));
        down.setTooltipText("Later in the week");
        Button remove =
                small("✕", "remove-session", () -> edit(c -> TemplateBuilder.removeSession(c, phase, week, index)));
        remove.setTooltipText("Delete the session");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout tools = new HorizontalLayout(edit, up, down, remove);
        tools.setSpacing(false);
        card.add(tools);
        return card;
    }

    private void openSessionDialog(int phase, int week, int index, @Nullable TemplateSession session, DayOfWeek day) {
        List<Exercise> library = exercises.list(ExerciseFilter.ALL);
        new SessionDialog(
                        session,
                        day,
                        library,
                        result -> edit(c -> index < 0
                                ? TemplateBuilder.addSession(c, phase, week, result)
                                : TemplateBuilder.replaceSession(c, phase, week, index, result)))
                .open();
    }

    private void showPreview() {
        calendar.removeAll();
        previewProblems.setText("");
        LocalDate start = previewStart.getValue();
        if (start == null) {
            previewProblems.setText("Choose the first day.");
            return;
        }
        TemplatePreview preview;
        try {
            preview = templates.preview(content, start);
        } catch (InvalidTemplateException e) {
            previewProblems.setText("Fix the template first: " + e.getMessage());
            return;
        }
        for (TemplatePreview.Week week : preview.weeks()) {
            Div row = new Div();
            row.addClassName("preview-week");
            Span label = new Span("Week " + week.number() + " · " + week.phaseName()
                    + (week.focus().isBlank() ? "" : " · " + week.focus()));
            label.addClassName("preview-week-label");
            label.getStyle().set("font-weight", "600");
            HorizontalLayout days = new HorizontalLayout();
            days.setWidthFull();
            days.setSpacing(false);
            for (TemplatePreview.Day day : week.days()) {
                Div cell = new Div();
                cell.addClassName("preview-day");
                cell.getStyle()
                        .set("flex", "1")
                        .set("min-width", "6rem")
                        .set("padding", "var(--lumo-space-xs)")
                        .set("border-left", "1px solid var(--lumo-contrast-10pct)")
                        .set("font-size", "var(--lumo-font-size-s)");
                Span date = new Span(DAY.format(day.date()));
                date.addClassName("preview-date");
                date.getStyle().set("color", "var(--lumo-secondary-text-color)");
                cell.add(date);
                for (SessionSpec spec : day.sessions()) {
                    Div session = new Div(new Span(Labels.summary(spec)));
                    session.addClassName("preview-session");
                    cell.add(session);
                }
                days.add(cell);
            }
            row.add(label, days);
            row.getStyle().set("margin-bottom", "var(--lumo-space-s)");
            calendar.add(row);
        }
    }

    private Component problemsOf(int phase, int week, String className) {
        Div box = new Div();
        box.addClassName(className);
        box.getStyle().set("color", "var(--lumo-error-text-color)");
        problems.stream()
                .filter(p -> p.phase() == phase && (week == 0 ? p.week() == 0 : p.week() == week))
                .forEach(p -> box.add(new Paragraph(p.describe())));
        return box;
    }

    private void updatePhase(int index, UnaryOperator<Phase> change) {
        Phase current = content.phases().get(index);
        String oldKey = current.key();
        Phase changed = change.apply(current);
        content = TemplateBuilder.updatePhase(content, index, changed);
        // A new name or key shows in other phases' "Then" choices and the section heading.
        if (!oldKey.equals(changed.key()) || !current.name().equals(changed.name())) {
            render();
        }
    }

    private static Phase phase(
            Phase p,
            @Nullable String name,
            @Nullable String key,
            @Nullable String goal,
            @Nullable String entry,
            @Nullable ExitCriteria exit) {
        return new Phase(
                key == null ? p.key() : key.strip(),
                name == null ? p.name() : name.strip(),
                goal == null ? p.goal() : goal,
                entry == null ? p.entryCriteria() : entry,
                exit == null ? p.exit() : exit,
                p.next(),
                p.weeks());
    }

    private static IntegerField exitField(
            String label, String className, int value, java.util.function.IntConsumer onChange) {
        IntegerField field = new IntegerField(label);
        field.addClassName(className);
        field.setValue(value);
        field.setStepButtonsVisible(true);
        field.addValueChangeListener(e -> onChange.accept(e.getValue() == null ? -1 : e.getValue()));
        return field;
    }

    private static Button small(String text, String className, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
