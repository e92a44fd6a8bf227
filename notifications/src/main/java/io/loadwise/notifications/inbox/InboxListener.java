package io.loadwise.notifications.inbox;

/**
 * Told when a member's inbox changed (an entry arrived, or they read some in another tab), with
 * their unread count after the change. Called on the signal listener's thread: a UI hands the work
 * to its own session lock ({@code ui.access}) and returns at once.
 */
@FunctionalInterface
public interface InboxListener {

    void unreadChanged(long unread);
}
