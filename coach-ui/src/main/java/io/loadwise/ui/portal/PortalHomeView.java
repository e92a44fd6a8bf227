package io.loadwise.ui.portal;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.intake.IntakeService;
import io.loadwise.intake.MyIntake;
import io.loadwise.messaging.MessagingService;
import io.loadwise.messaging.ThreadCoach;
import io.loadwise.roster.ClientAccess;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.messaging.Timestamps;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The client's portal home, {@code /t/<slug>/me}: who coaches them, whether they have unread
 * messages, and whether their intake is done, each with a link to act on it.
 */
@Route(value = "t/:slug/me", layout = PortalLayout.class)
@PageTitle("My coach · Loadwise")
@RolesAllowed("CLIENT")
public class PortalHomeView extends Main implements AfterNavigationObserver {

    private final MessagingService messaging;
    private final IntakeService intake;
    private final TenantDirectory tenants;
    private final ClientAccess access;

    public PortalHomeView(
            MessagingService messaging, IntakeService intake, TenantDirectory tenants, ClientAccess access) {
        this.messaging = messaging;
        this.intake = intake;
        this.tenants = tenants;
        this.access = access;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (!Portals.onRoster(this, access)) {
            return;
        }
        Tenant tenant = Portals.tenant(this);
        String base = "/t/" + tenant.slug() + "/me";
        removeAll();
        add(new H2("My coach"));

        List<ThreadCoach> coaches = messaging.myCoaches();
        if (coaches.isEmpty()) {
            Paragraph none = new Paragraph(tenant.name() + " has not assigned you a coach yet.");
            none.setId("no-coach");
            add(none);
        } else {
            UnorderedList list = new UnorderedList();
            list.setId("my-coaches");
            coaches.forEach(coach ->
                    list.add(new ListItem(coach.name() + (coach.lead() ? " — your coach" : " — also coaching you"))));
            add(list);
        }

        add(new H3("Messages"));
        int unread = messaging.unread().total();
        Paragraph messages = new Paragraph(
                unread == 0
                        ? "No unread messages."
                        : unread + (unread == 1 ? " unread message." : " unread messages."));
        messages.setId("unread-messages");
        Anchor toMessages = new Anchor(base + "/messages", unread == 0 ? "Write to your coach" : "Read them");
        toMessages.setId("go-to-messages");
        add(new Div(messages, toMessages));

        add(new H3("Intake"));
        MyIntake mine = intake.myIntake();
        Paragraph status = new Paragraph(mine.latestSubmission()
                .map(s -> "Completed on " + Timestamps.date(s.submittedAt(), Timestamps.zoneOf(tenants)) + ".")
                .orElse("Not completed yet. Your coach needs it to plan your first weeks."));
        status.setId("intake-status");
        Anchor toIntake = new Anchor(base + "/intake", mine.completed() ? "Review or update" : "Complete your intake");
        toIntake.setId("go-to-intake");
        add(new Div(status, toIntake));

        Anchor storefront = new Anchor("/t/" + tenant.slug(), "See what " + tenant.name() + " offers");
        storefront.setId("go-to-storefront");
        add(new Paragraph(storefront));
    }
}
