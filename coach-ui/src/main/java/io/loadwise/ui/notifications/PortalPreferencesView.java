package io.loadwise.ui.notifications;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.notifications.MyNotificationSettings;
import io.loadwise.ui.portal.PortalLayout;
import jakarta.annotation.security.RolesAllowed;

/** A client's notification settings in their portal, {@code /t/<slug>/me/notifications}. */
@Route(value = "t/:slug/me/notifications", layout = PortalLayout.class)
@RolesAllowed("CLIENT")
public class PortalPreferencesView extends Main implements HasDynamicTitle {

    public PortalPreferencesView(MyNotificationSettings settings) {
        add(new PreferencesForm(settings, false));
    }

    public static String path(String slug) {
        return "/t/" + slug + "/me/notifications";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.preferences.title") + " · Loadwise";
    }
}
