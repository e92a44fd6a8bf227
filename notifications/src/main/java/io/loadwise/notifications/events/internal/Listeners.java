package io.loadwise.notifications.events.internal;

/** What the notification listeners share. */
final class Listeners {

    /** One consumer group for all of notifications: each topic is read once per deployment. */
    static final String GROUP = "loadwise-notifications";

    /**
     * Consumers per listener: one per partition (events are keyed by tenant, so a tenant's
     * notifications stay in order while other tenants' go out side by side).
     */
    static final String CONCURRENCY = "${loadwise.events.partitions:3}";

    private Listeners() {}
}
