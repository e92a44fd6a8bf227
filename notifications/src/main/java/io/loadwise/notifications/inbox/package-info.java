/**
 * The in-app inbox of the signed-in member: their entries newest first, the unread count, marking
 * read, and live updates for open UIs (PostgreSQL {@code LISTEN} on {@link
 * io.loadwise.notifications.InboxSignal#CHANNEL} in the web role). The entries themselves are
 * written, already rendered, by the notifier.
 */
@NullMarked
@NamedInterface("inbox")
package io.loadwise.notifications.inbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
