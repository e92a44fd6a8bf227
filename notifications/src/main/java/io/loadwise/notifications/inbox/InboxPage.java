package io.loadwise.notifications.inbox;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of the inbox, newest first.
 *
 * @param nextCursor fetches the older entries after this page; null on the last page
 */
public record InboxPage(List<InboxEntry> entries, @Nullable String nextCursor) {

    public InboxPage {
        entries = List.copyOf(entries);
    }
}
