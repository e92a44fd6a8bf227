package io.loadwise.notifications.inbox;

/** A registered {@link InboxListener}; closing it (e.g. when a view detaches) stops the calls. */
@FunctionalInterface
public interface InboxSubscription extends AutoCloseable {

    InboxSubscription NONE = () -> {};

    @Override
    void close();
}
