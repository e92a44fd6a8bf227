package io.loadwise.ui.notifications;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.notifications.MyNotificationSettings;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.notifications.inbox.Inbox;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** A coach's inbox, {@code /notifications}. */
@Route(value = "notifications", layout = MainLayout.class)
@RolesAllowed("COACH")
public class CoachInboxView extends Main implements HasDynamicTitle {

    public static final String PATH = "/notifications";

    public CoachInboxView(Inbox inbox, NotificationsProperties links, Clock clock, MyNotificationSettings settings) {
        // Older entries show a date: the coach's own zone's (from her notification settings).
        add(new InboxList(inbox, links, clock, settings.timeZone(), CoachPreferencesView.PATH));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.inbox.title") + " · Loadwise";
    }
}
