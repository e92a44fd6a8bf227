package io.loadwise.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import io.loadwise.privacy.ClientExport;
import io.loadwise.privacy.PrivacyService;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.Tenant;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Break-glass: a platform admin states why they need one client's data; only then is it shown, and
 * the access with its reason goes to the business's audit log.
 */
class BreakGlassDialog extends Dialog {

    BreakGlassDialog(
            Tenant tenant, ClientId client, PrivacyService privacy, JsonMapper json, Consumer<Tenant> audited) {
        setId("break-glass-dialog");
        setHeaderTitle("Break glass: client " + client);
        Paragraph explanation = new Paragraph("Platform admins see no client data. To open this client's data, say"
                + " why (at least " + PrivacyService.MIN_REASON_LENGTH + " characters, e.g. the support ticket)."
                + " Your name, the reason and what you saw are recorded in " + tenant.name() + "'s audit log.");
        TextArea reason = new TextArea("Reason");
        reason.setId("break-glass-reason");
        reason.setRequired(true);
        reason.setMinLength(PrivacyService.MIN_REASON_LENGTH);
        reason.setMaxLength(2000);
        reason.setWidthFull();
        TextArea data = new TextArea("Client data");
        data.setId("break-glass-data");
        data.setReadOnly(true);
        data.setWidthFull();
        data.setVisible(false);

        Button open = new Button("Open client data");
        open.setId("break-glass-open");
        open.addThemeVariants(ButtonVariant.LUMO_ERROR);
        open.addClickListener(click -> {
            try {
                ClientExport export = privacy.breakGlassExport(tenant.id(), client, reason.getValue());
                // A read-only text field: the data is shown as text, never interpreted as markup.
                data.setValue(json.writerWithDefaultPrettyPrinter().writeValueAsString(export.data()));
                data.setVisible(true);
                reason.setReadOnly(true);
                reason.setInvalid(false);
                open.setVisible(false);
                audited.accept(tenant);
            } catch (IllegalArgumentException e) {
                reason.setErrorMessage(e.getMessage());
                reason.setInvalid(true);
            }
        });
        Button close = new Button("Close", click -> close());
        close.setId("break-glass-close");
        add(explanation, reason, data);
        getFooter().add(close, open);
        setWidth("min(56rem, 95vw)");
    }
}
