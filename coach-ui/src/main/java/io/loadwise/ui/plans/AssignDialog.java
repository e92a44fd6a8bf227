package io.loadwise.ui.plans;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.plans.ClientHasPlanException;
import io.loadwise.plans.PlanService;
import io.loadwise.plans.templates.PlanTemplate;
import io.loadwise.roster.ClientId;

/** Assigns a template to a client from a start date; what is wrong is said next to the field. */
class AssignDialog extends Dialog {

    AssignDialog(ClientId client, PlanService plans, Runnable assigned) {
        setHeaderTitle("Assign a plan");
        setId("assign-dialog");
        Select<PlanTemplate> template = new Select<>();
        template.setId("assign-template");
        template.setLabel("Template");
        template.setItems(plans.assignableTemplates());
        template.setItemLabelGenerator(PlanTemplate::name);
        DatePicker start = new DatePicker("Start date", plans.todayInBusiness());
        start.setId("assign-start");
        TextField name = new TextField("Plan name (optional)");
        name.setId("assign-name");
        name.setPlaceholder("The template's name");
        Paragraph error = new Paragraph();
        error.setId("assign-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        Button save = new Button("Assign", e -> {
            template.setInvalid(false);
            start.setInvalid(false);
            error.setVisible(false);
            if (template.getValue() == null) {
                template.setErrorMessage("Choose a template.");
                template.setInvalid(true);
                return;
            }
            if (start.getValue() == null) {
                start.setErrorMessage("Choose the first day of the plan.");
                start.setInvalid(true);
                return;
            }
            try {
                plans.assign(client, template.getValue().id(), start.getValue(), name.getValue());
                close();
                assigned.run();
            } catch (ClientHasPlanException ex) {
                error.setText(ex.getMessage());
                error.setVisible(true);
            } catch (IllegalArgumentException ex) {
                start.setErrorMessage(ex.getMessage());
                start.setInvalid(true);
            }
        });
        save.setId("assign-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        add(new VerticalLayout(template, start, name, error));
        getFooter().add(cancel, save);
    }
}
