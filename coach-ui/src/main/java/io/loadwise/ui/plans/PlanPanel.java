package io.loadwise.ui.plans;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.CoachTask;
import io.loadwise.plans.PlanChangedException;
import io.loadwise.plans.PlanOverview;
import io.loadwise.plans.PlanService;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanStatus;
import io.loadwise.roster.ClientId;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The coach's Plan tab of a client: assign a template when there is no plan; otherwise the plan as
 * weeks × weekdays (each session with its kind, title, status and — when changed — why), a
 * session's edit dialog, pause/resume/end, the baseline pain, the revision history and the open
 * tasks about this client.
 */
public class PlanPanel extends VerticalLayout {

    private final ClientId client;
    private final PlanService plans;
    private final Paragraph message = new Paragraph();

    public PlanPanel(ClientId client, PlanService plans) {
        this.client = client;
        this.plans = plans;
        setId("plan-panel");
        setPadding(false);
        message.setId("plan-message");
        reload(null);
    }

    /** Shows the plan as it is now, with {@code notice} (a saved edit, a conflict) on top. */
    void reload(@Nullable String notice) {
        removeAll();
        message.setText(notice == null ? "" : notice);
        message.setVisible(notice != null);
        add(message);
        addTasks();
        Optional<PlanOverview> current = plans.currentPlan(client);
        if (current.isEmpty()) {
            Paragraph none = new Paragraph("No current plan.");
            none.setId("no-plan");
            Button assign = new Button(
                    "Assign a plan", e -> new AssignDialog(client, plans, () -> reload("Plan assigned.")).open());
            assign.setId("assign-plan");
            add(none, assign);
            return;
        }
        PlanOverview plan = current.get();
        ClientPlan p = plan.plan();
        H3 title = new H3(p.name());
        title.setId("plan-name");
        Span status = new Span(p.status().code());
        status.setId("plan-status");
        status.getElement().getThemeList().add("badge");
        Paragraph summary = new Paragraph(p.startDate() + " to " + p.endDate() + " · phase: " + plan.currentPhaseName()
                + " · revision " + p.revision());
        summary.setId("plan-summary");
        add(new HorizontalLayout(title, status), summary, actions(plan), baseline(p), weeks(plan), revisions(plan));
    }

    private HorizontalLayout actions(PlanOverview plan) {
        ClientPlan p = plan.plan();
        HorizontalLayout actions = new HorizontalLayout();
        if (p.status() == PlanStatus.DRAFT) {
            Button activate = new Button(
                    "Start plan", e -> change(() -> plans.activate(client, p.revision(), null), "Plan started."));
            activate.setId("plan-activate");
            actions.add(activate);
        } else if (p.status() == PlanStatus.ACTIVE) {
            Button pause =
                    new Button("Pause", e -> change(() -> plans.pause(client, p.revision(), null), "Plan paused."));
            pause.setId("plan-pause");
            actions.add(pause);
        } else if (p.status() == PlanStatus.PAUSED) {
            Button resume =
                    new Button("Resume", e -> change(() -> plans.resume(client, p.revision(), null), "Plan resumed."));
            resume.setId("plan-resume");
            actions.add(resume);
        }
        Button add = new Button("Add session", e -> new AddSessionDialog(client, p, plans, this::reload).open());
        add.setId("plan-add-session");
        actions.add(add);
        Button end =
                new Button("End plan", e -> change(() -> plans.endPlan(client, p.revision(), null), "Plan ended."));
        end.setId("plan-end");
        actions.add(end);
        return actions;
    }

    private HorizontalLayout baseline(ClientPlan p) {
        IntegerField baseline = new IntegerField("Usual next-morning pain (0-10)");
        baseline.setId("plan-baseline");
        baseline.setMin(0);
        baseline.setMax(10);
        baseline.setValue(p.baselineMorningPain());
        baseline.setHelperText("The plan engine dials back when a morning is above it; empty: from check-ins.");
        Button save = new Button("Save baseline", e -> {
            try {
                plans.setBaseline(client, baseline.getValue());
                reload("Baseline saved.");
            } catch (IllegalArgumentException ex) {
                baseline.setErrorMessage(ex.getMessage());
                baseline.setInvalid(true);
            }
        });
        save.setId("plan-baseline-save");
        HorizontalLayout row = new HorizontalLayout(baseline, save);
        row.setAlignItems(Alignment.BASELINE);
        return row;
    }

    private Div weeks(PlanOverview plan) {
        Div grid = new Div();
        grid.setId("plan-weeks");
        grid.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "8em repeat(7, minmax(7em, 1fr))")
                .set("gap", "var(--lumo-space-xs)")
                .set("overflow-x", "auto")
                .set("width", "100%");
        LocalDate start = plan.plan().startDate();
        grid.add(new Div());
        for (int d = 0; d < 7; d++) {
            Div head = new Div(start.plusDays(d).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            head.getStyle().set("font-weight", "600");
            grid.add(head);
        }
        for (PlanOverview.PlanWeek week : plan.weeks()) {
            Div label = new Div();
            label.add(new Div("Week " + week.number()), new Div(week.phaseName()));
            label.getStyle().set("font-size", "var(--lumo-font-size-s)");
            label.setId("plan-week-" + week.number());
            grid.add(label);
            for (int d = 0; d < 7; d++) {
                LocalDate day = week.start().plusDays(d);
                Div cell = new Div();
                cell.addClassName("plan-day");
                cell.setId("plan-day-" + day);
                Span date = new Span(String.valueOf(day.getDayOfMonth()));
                date.getStyle().set("font-size", "var(--lumo-font-size-xs)");
                cell.add(date);
                for (PlanSession session : week.sessions()) {
                    if (session.date().equals(day)) {
                        SessionCard card = new SessionCard(session, false);
                        card.getStyle().set("cursor", "pointer");
                        card.addClickListener(
                                e -> new SessionEditDialog(client, plan.plan(), session, plans, this::reload).open());
                        cell.add(card);
                    }
                }
                grid.add(cell);
            }
        }
        return grid;
    }

    private Div revisions(PlanOverview plan) {
        Div box = new Div(new H4("Revisions"));
        UnorderedList list = new UnorderedList();
        list.setId("plan-revisions");
        for (PlanOverview.RevisionEntry entry : plan.revisions()) {
            ListItem item = new ListItem("Revision " + entry.revision().revision() + " · "
                    + entry.revision().kind().code() + " by " + entry.madeBy() + ": "
                    + entry.revision().reason());
            list.add(item);
        }
        box.add(list);
        return box;
    }

    private void addTasks() {
        List<CoachTask> tasks = plans.openTasks().stream()
                .filter(t -> t.clientId().equals(client))
                .toList();
        if (tasks.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("plan-tasks");
        for (CoachTask task : tasks) {
            Button done = new Button("Done", e -> {
                plans.completeTask(task.id());
                reload("Task done.");
            });
            done.setId("task-done-" + task.id());
            list.add(new ListItem(new Span(task.title() + " "), done));
        }
        add(new H4("Open tasks"), list);
    }

    private void change(Runnable action, String done) {
        try {
            action.run();
            reload(done);
        } catch (PlanChangedException e) {
            reload("Not saved: " + e.getMessage() + " — reloaded.");
        } catch (IllegalArgumentException | io.loadwise.plans.ClientHasPlanException e) {
            reload(e.getMessage());
        }
    }
}
