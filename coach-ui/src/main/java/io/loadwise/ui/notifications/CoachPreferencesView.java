package io.loadwise.ui.notifications;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.notifications.MyNotificationSettings;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** A coach's notification settings, {@code /notifications/preferences}. */
@Route(value = "notifications/preferences", layout = MainLayout.class)
@RolesAllowed("COACH")
public class CoachPreferencesView extends Main implements HasDynamicTitle {

    public static final String PATH = "/notifications/preferences";

    public CoachPreferencesView(MyNotificationSettings settings) {
        add(new PreferencesForm(settings, true));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.preferences.title") + " · Loadwise";
    }
}
