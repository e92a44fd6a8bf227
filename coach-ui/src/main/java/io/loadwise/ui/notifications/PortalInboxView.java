package io.loadwise.ui.notifications;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.notifications.MyNotificationSettings;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.notifications.inbox.Inbox;
import io.loadwise.tenancy.Tenant;
import io.loadwise.ui.portal.PortalLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** A client's inbox in their portal, {@code /t/<slug>/me/inbox}. */
@Route(value = "t/:slug/me/inbox", layout = PortalLayout.class)
@RolesAllowed("CLIENT")
public class PortalInboxView extends Main implements AfterNavigationObserver, HasDynamicTitle {

    private final Inbox inbox;
    private final NotificationsProperties links;
    private final Clock clock;
    private final MyNotificationSettings settings;

    public PortalInboxView(Inbox inbox, NotificationsProperties links, Clock clock, MyNotificationSettings settings) {
        this.inbox = inbox;
        this.links = links;
        this.clock = clock;
        this.settings = settings;
    }

    /** The inbox of a client of the business at {@code slug}. */
    public static String path(String slug) {
        return "/t/" + slug + "/me/inbox";
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Tenant tenant = findAncestor(PortalLayout.class).tenant();
        removeAll();
        // Older entries show a date: the client's own zone's (from her notification settings).
        add(new InboxList(inbox, links, clock, settings.timeZone(), PortalPreferencesView.path(tenant.slug())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.inbox.title") + " · Loadwise";
    }
}
