package io.loadwise.ui.team;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.shared.NotFoundException;
import io.loadwise.team.Removal;
import io.loadwise.team.TeamConflictException;
import io.loadwise.team.TeamMember;
import io.loadwise.team.TeamRole;
import io.loadwise.team.TeamService;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;

/**
 * The business's owners and coaches, {@code /coach/team}. An owner invites coaches and removes
 * them; removing asks who takes the coach's clients over.
 */
@Route(value = "coach/team", layout = MainLayout.class)
@PageTitle("Team · Loadwise")
@RolesAllowed("COACH")
public class TeamView extends Main {

    private final TeamService team;
    private final Grid<TeamMember> grid = new Grid<>();
    private final boolean owner;

    public TeamView(TeamService team) {
        this.team = team;
        grid.setId("team");
        grid.addColumn(TeamMember::displayName).setHeader("Name").setKey("name");
        grid.addColumn(TeamMember::email).setHeader("Email").setKey("email");
        grid.addColumn(m -> m.role() == TeamRole.OWNER ? "Owner" : "Coach")
                .setHeader("Role")
                .setKey("role");
        grid.addColumn(m -> m.active() ? "Active" : "Removed")
                .setHeader("Status")
                .setKey("status");
        grid.addColumn(m -> m.leadClients() + m.coCoachedClients())
                .setHeader("Clients")
                .setKey("clients");
        owner = team.currentUserIsOwner();
        add(new H1("Team"));
        if (owner) {
            Button invite = new Button("Invite a coach", click -> openInvite());
            invite.setId("invite-coach");
            invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(invite);
            UUID me = CurrentUsers.require().userId();
            grid.addComponentColumn(m -> {
                        Button remove = new Button("Remove", click -> openRemove(m));
                        remove.addClassName("remove-member");
                        remove.setVisible(m.active() && !m.userId().equals(me));
                        return remove;
                    })
                    .setKey("actions");
        }
        add(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(team.members());
    }

    private void openInvite() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Invite a coach");
        EmailField email = new EmailField("Email");
        email.setId("invite-email");
        TextField name = new TextField("Name");
        name.setId("invite-name");
        Select<TeamRole> role = new Select<>();
        role.setLabel("Role");
        role.setId("invite-role");
        role.setItems(TeamRole.COACH, TeamRole.OWNER);
        role.setItemLabelGenerator(r -> r == TeamRole.OWNER ? "Owner" : "Coach");
        role.setValue(TeamRole.COACH);
        Binder<Invite> binder = new Binder<>();
        binder.forField(email)
                .asRequired("Whom should we invite?")
                .withValidator(new EmailValidator("This is not an email address."))
                .bind(Invite::getEmail, Invite::setEmail);
        binder.forField(name).asRequired("A coach needs a name.").bind(Invite::getName, Invite::setName);
        Button send = new Button("Send invite", click -> {
            Invite invite = new Invite();
            if (!binder.writeBeanIfValid(invite)) {
                return;
            }
            try {
                TeamMember invited = team.invite(invite.getEmail(), invite.getName(), role.getValue());
                dialog.close();
                Notification.show("Invited " + invited.displayName() + ": they get an email to set a password.")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (TeamConflictException | IllegalArgumentException e) {
                email.setErrorMessage(e.getMessage());
                email.setInvalid(true);
            }
        });
        send.setId("send-invite");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(email, name, role);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), send);
        dialog.open();
    }

    private void openRemove(TeamMember member) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Remove " + member.displayName());
        int clients = member.leadClients() + member.coCoachedClients();
        Paragraph explain = new Paragraph(member.displayName() + " has " + clients + " client(s). Choose who takes"
                + " them over. Their messages and notes stay; they can no longer sign in to this business.");
        List<TeamMember> successors = team.members().stream()
                .filter(m -> m.active() && !m.id().equals(member.id()))
                .toList();
        ComboBox<TeamMember> successor = new ComboBox<>("Clients go to", successors);
        successor.setId("successor");
        successor.setItemLabelGenerator(TeamMember::displayName);
        successor.setRequired(clients > 0);
        Button confirm = new Button("Remove", click -> {
            if (clients > 0 && successor.getValue() == null) {
                successor.setErrorMessage("Choose the coach who takes the clients over.");
                successor.setInvalid(true);
                return;
            }
            try {
                Removal removal = team.remove(
                        member.id(),
                        successor.getValue() == null
                                ? null
                                : successor.getValue().id());
                dialog.close();
                Notification.show(member.displayName() + " was removed; "
                                + (removal.leadClientsMoved() + removal.coCoachedClientsMoved())
                                + " client(s) handed over.")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (TeamConflictException | IllegalArgumentException | NotFoundException e) {
                successor.setErrorMessage(e.getMessage());
                successor.setInvalid(true);
            }
        });
        confirm.setId("confirm-remove");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(explain, successor);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
        dialog.open();
    }

    /** The invite dialog's values. */
    static final class Invite {
        private String email = "";
        private String name = "";

        String getEmail() {
            return email;
        }

        void setEmail(String email) {
            this.email = email;
        }

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }
    }
}
