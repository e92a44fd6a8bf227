package io.loadwise.ui.templates;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.plans.templates.PlanTemplate;
import io.loadwise.plans.templates.TemplateService;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** The business's plan templates: open one in the builder, start a new one, duplicate or archive. */
@Route(value = "coach/templates", layout = MainLayout.class)
@PageTitle("Templates · Loadwise")
@RolesAllowed("COACH")
public class TemplatesView extends Main {

    private final TemplateService templates;
    private final Grid<PlanTemplate> grid = new Grid<>(PlanTemplate.class, false);

    public TemplatesView(TemplateService templates) {
        this.templates = templates;
        add(new H2("Templates"));
        if (TenantContext.current().isEmpty()) {
            Paragraph noTenant = new Paragraph("Your account is not linked to one coaching business.");
            noTenant.setId("no-tenant");
            add(noTenant);
            return;
        }
        Button create = new Button(
                "New template", click -> getUI().ifPresent(ui -> ui.navigate(TemplateBuilderView.class, "new")));
        create.setId("new-template");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("templates");
        grid.addColumn(PlanTemplate::name).setHeader("Name").setFlexGrow(3);
        grid.addColumn(t -> Labels.condition(t.condition())).setHeader("For");
        grid.addColumn(t -> t.content().phases().size()).setHeader("Phases");
        grid.addColumn(t -> t.content().totalWeeks()).setHeader("Weeks");
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setFlexGrow(2);
        grid.addItemDoubleClickListener(click -> open(click.getItem()));
        add(
                new Paragraph("Phases of loading with weeks of sessions. Assigning one to a client gives them their own"
                        + " dated copy, so editing a template never changes a client's plan."),
                create,
                grid);
        refresh();
    }

    private HorizontalLayout actions(PlanTemplate template) {
        Button open = new Button("Open", click -> open(template));
        open.addClassName("open-template");
        Button duplicate = new Button("Duplicate", click -> {
            PlanTemplate copy = templates.duplicate(template.id());
            Notification.show("Copied as “" + copy.name() + "”.");
            refresh();
        });
        duplicate.addClassName("duplicate-template");
        Button archive = new Button("Archive", click -> {
            try {
                templates.archive(template.id(), template.version());
                Notification.show("“" + template.name() + "” archived; plans made from it go on.");
            } catch (StaleVersionException e) {
                Notification.show("“" + template.name() + "” was changed by someone else — reloaded.");
            }
            refresh();
        });
        archive.addClassName("archive-template");
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return new HorizontalLayout(open, duplicate, archive);
    }

    private void open(PlanTemplate template) {
        getUI().ifPresent(ui ->
                ui.navigate(TemplateBuilderView.class, template.id().toString()));
    }

    private void refresh() {
        grid.setItems(templates.list());
    }
}
