package io.loadwise.notifications;

/**
 * How a stored inbox entry reaches open browsers: the worker that stores it runs {@code SELECT
 * pg_notify(CHANNEL, tenantId + ":" + memberId)} in the same transaction; every web instance
 * listens on the channel and pushes the new unread count to that member's open UIs. Through
 * PostgreSQL so it works when the web and worker roles are separate processes, and only after
 * commit.
 */
public final class InboxSignal {

    public static final String CHANNEL = "loadwise_inbox";

    private InboxSignal() {}

    public static String payload(io.loadwise.tenancy.TenantId tenant, java.util.UUID member) {
        return tenant.value() + ":" + member;
    }
}
