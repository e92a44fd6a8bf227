package io.loadwise.ui.plans;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.plans.CoachTask;
import io.loadwise.plans.PlanService;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Work the platform created for the signed-in coach — e.g. "Build the custom plan for …" after a
 * purchase — for their clients (the owner: all), oldest first.
 */
@Route(value = "coach/tasks", layout = MainLayout.class)
@PageTitle("Tasks · Loadwise")
@RolesAllowed("COACH")
public class CoachTasksView extends Main implements AfterNavigationObserver {

    private final PlanService plans;

    public CoachTasksView(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        show();
    }

    private void show() {
        removeAll();
        add(new H2("Tasks"));
        List<CoachTask> tasks = plans.openTasks();
        if (tasks.isEmpty()) {
            Paragraph none = new Paragraph("No open tasks.");
            none.setId("no-tasks");
            add(none);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("tasks");
        for (CoachTask task : tasks) {
            Button done = new Button("Done", e -> {
                plans.completeTask(task.id());
                show();
            });
            done.setId("task-done-" + task.id());
            Anchor client = new Anchor("/coach/clients/" + task.clientId(), task.clientName());
            list.add(new ListItem(new Span(task.title() + " · "), client, new Span(" "), done));
        }
        add(list);
    }
}
