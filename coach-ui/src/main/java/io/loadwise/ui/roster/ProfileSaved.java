package io.loadwise.ui.roster;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;
import io.loadwise.roster.ClientProfile;

/** Fired on the UI when the profile tab saved, so the client detail's header shows the new name and status. */
class ProfileSaved extends ComponentEvent<UI> {

    private final ClientProfile profile;

    ProfileSaved(UI ui, ClientProfile profile) {
        super(ui, false);
        this.profile = profile;
    }

    ClientProfile profile() {
        return profile;
    }
}
