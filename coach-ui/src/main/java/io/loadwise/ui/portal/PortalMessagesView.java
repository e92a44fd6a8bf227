package io.loadwise.ui.portal;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.messaging.Message;
import io.loadwise.messaging.MessagePage;
import io.loadwise.messaging.MessagingService;
import io.loadwise.roster.ClientAccess;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.messaging.MessageThread;
import io.loadwise.ui.messaging.Timestamps;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/** The client's conversation with their coaches, {@code /t/<slug>/me/messages}. */
@Route(value = "t/:slug/me/messages", layout = PortalLayout.class)
@PageTitle("Messages · Loadwise")
@RolesAllowed("CLIENT")
public class PortalMessagesView extends Main implements AfterNavigationObserver {

    private final MessagingService messaging;
    private final TenantDirectory tenants;
    private final ClientAccess access;

    public PortalMessagesView(MessagingService messaging, TenantDirectory tenants, ClientAccess access) {
        this.messaging = messaging;
        this.tenants = tenants;
        this.access = access;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (!Portals.onRoster(this, access)) {
            return;
        }
        removeAll();
        add(new H2("Messages with your coach"));
        add(new MessageThread(
                new MessageThread.Source() {
                    @Override
                    public MessagePage page(@Nullable String cursor, int limit) {
                        return messaging.myThread(cursor, limit);
                    }

                    @Override
                    public Message post(String body) {
                        return messaging.postMine(body);
                    }

                    @Override
                    public void markRead() {
                        messaging.markMineRead();
                    }
                },
                Timestamps.zoneOf(tenants)));
    }
}
