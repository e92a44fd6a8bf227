package io.loadwise.ui.roster;

import com.vaadin.flow.component.Component;
import io.loadwise.roster.ClientId;

/**
 * A tab of the coach's client detail view, contributed by the feature that owns its data (profile
 * and notes by the roster, intake, messages, data rights by theirs). Implementations are Spring
 * beans; the view shows them ordered by {@link #order()}.
 */
public interface ClientDetailTab {

    /** The tab's label, e.g. "Messages". */
    String label();

    /** Position among the tabs, lowest first: profile 10, intake 20, messages 30, notes 40, data 50. */
    int order();

    /**
     * The tab's content for one client. Called when the tab is opened, inside the request that
     * shows it; the client is already known to be visible to the signed-in coach.
     */
    Component content(ClientId client);
}
