package io.loadwise.roster;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of the roster and the cursor of the next page, if there is one. */
public record RosterPage(
        List<RosterEntry> entries, @Nullable String nextCursor) {

    public RosterPage {
        entries = List.copyOf(entries);
    }
}
