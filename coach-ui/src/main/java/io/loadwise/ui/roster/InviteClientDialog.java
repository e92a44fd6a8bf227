package io.loadwise.ui.roster;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.roster.ClientAlreadyOnRosterException;
import io.loadwise.roster.InvitedClient;
import io.loadwise.roster.RosterService;

/**
 * Invites a client by email from the roster: their account, a roster entry as a lead and a mail
 * with a link to set a password. Problems (not an address, already on the roster) show inline on
 * the field; nothing is created then.
 */
class InviteClientDialog extends Dialog {

    InviteClientDialog(RosterService roster, Runnable onInvited) {
        setHeaderTitle("Invite a client");
        EmailField email = new EmailField("Email");
        email.setId("invite-client-email");
        email.setRequiredIndicatorVisible(true);
        email.setWidthFull();
        TextField name = new TextField("Name");
        name.setId("invite-client-name");
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();

        Button send = new Button("Send invite", click -> {
            boolean complete = true;
            if (email.getValue().isBlank()) {
                email.setErrorMessage("Whom should we invite?");
                email.setInvalid(true);
                complete = false;
            }
            if (name.getValue().isBlank()) {
                name.setErrorMessage("A client needs a name.");
                name.setInvalid(true);
                complete = false;
            }
            if (!complete) {
                return;
            }
            try {
                InvitedClient invited = roster.invite(email.getValue(), name.getValue());
                close();
                Notification.show("Invited " + invited.email() + ": they get an email to set a password.")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onInvited.run();
            } catch (ClientAlreadyOnRosterException | IllegalArgumentException e) {
                email.setErrorMessage(e.getMessage());
                email.setInvalid(true);
            }
        });
        send.setId("send-client-invite");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(email, name);
        getFooter().add(new Button("Cancel", click -> close()), send);
    }
}
