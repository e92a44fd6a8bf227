package io.loadwise.messaging;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of a thread, oldest first, so it reads top to bottom; the newest page comes first.
 *
 * @param olderCursor the cursor of the page before this one (older messages), or null at the start
 */
public record MessagePage(List<Message> messages, @Nullable String olderCursor) {

    public MessagePage {
        messages = List.copyOf(messages);
    }
}
