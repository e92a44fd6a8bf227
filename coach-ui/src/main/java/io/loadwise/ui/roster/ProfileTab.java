package io.loadwise.ui.roster;

import com.vaadin.flow.component.Component;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientProfileService;
import io.loadwise.roster.RosterService;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** The client detail's profile tab: the profile coaches keep, coaches, injuries and consent state. */
@Service
class ProfileTab implements ClientDetailTab {

    private final ClientProfileService profiles;
    private final RosterService roster;
    private final ClientAccess access;
    private final Clock clock;

    ProfileTab(ClientProfileService profiles, RosterService roster, ClientAccess access, Clock clock) {
        this.profiles = profiles;
        this.roster = roster;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public String label() {
        return "Profile";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Component content(ClientId client) {
        return new ProfilePanel(client, profiles, roster, access.currentUserIsOwner(), clock);
    }
}
