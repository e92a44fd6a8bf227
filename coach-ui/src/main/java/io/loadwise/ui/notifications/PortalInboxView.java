package io.loadwise.ui.notifications;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.notifications.inbox.Inbox;
import io.loadwise.tenancy.Tenant;
import io.loadwise.ui.portal.PortalLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A client's inbox in their portal, {@code /t/<slug>/me/inbox}. */
@Route(value = "t/:slug/me/inbox", layout = PortalLayout.class)
@RolesAllowed("CLIENT")
public class PortalInboxView extends Main implements AfterNavigationObserver, HasDynamicTitle {

    private final Inbox inbox;
    private final NotificationsProperties links;
    private final Clock clock;

    public PortalInboxView(Inbox inbox, NotificationsProperties links, Clock clock) {
        this.inbox = inbox;
        this.links = links;
        this.clock = clock;
    }

    /** The inbox of a client of the business at {@code slug}. */
    public static String path(String slug) {
        return "/t/" + slug + "/me/inbox";
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Tenant tenant = findAncestor(PortalLayout.class).tenant();
        removeAll();
        add(new InboxList(inbox, links, clock, zone(tenant), PortalPreferencesView.path(tenant.slug())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.inbox.title") + " · Loadwise";
    }

    static ZoneId zone(Tenant tenant) {
        try {
            return ZoneId.of(tenant.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }
}
