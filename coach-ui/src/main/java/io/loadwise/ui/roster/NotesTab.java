package io.loadwise.ui.roster;

import com.vaadin.flow.component.Component;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientProfileService;
import java.time.ZoneId;
import org.springframework.stereotype.Service;

/** The client detail's notes tab: coach-private notes, never shown to the client. */
@Service
class NotesTab implements ClientDetailTab {

    private final ClientProfileService profiles;

    NotesTab(ClientProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    public String label() {
        return "Notes";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Component content(ClientId client) {
        return new NotesPanel(client, profiles, ZoneId.of("UTC"));
    }
}
