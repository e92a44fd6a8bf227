package io.loadwise.notifications.inbox.internal;

import io.loadwise.notifications.InboxSignal;
import io.loadwise.notifications.inbox.internal.InboxListenerRegistry.Key;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Listens on {@link InboxSignal#CHANNEL} and tells this instance's open UIs the new unread count of
 * the member a signal names. PostgreSQL delivers a notification only when the transaction that
 * sent it commits, so a rolled-back entry is never announced.
 *
 * <p>A connection of its own, outside the pool (it is held for the life of the process and a
 * pooled one could be recycled under it). When it fails it is opened again after a pause, and then
 * every listening member gets their count afresh, since signals sent meanwhile were lost.
 */
public class InboxSignalListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxSignalListener.class);

    /** Opens a new JDBC connection to the application's database. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final InboxProperties properties;
    private final InboxListenerRegistry registry;
    private final InboxRepository inbox;
    private final TransactionTemplate readOnly;

    private volatile boolean running;
    private volatile boolean listening;
    private volatile @Nullable Thread thread;
    private volatile @Nullable Connection connection;

    InboxSignalListener(
            Connections connections,
            InboxProperties properties,
            InboxListenerRegistry registry,
            InboxRepository inbox,
            PlatformTransactionManager transactions) {
        this.connections = connections;
        this.properties = properties;
        this.registry = registry;
        this.inbox = inbox;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    static Connections connectionsFrom(DataSourceProperties dataSource) {
        return () -> DriverManager.getConnection(
                dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread listener =
                Thread.ofPlatform().name("inbox-signal-listener").daemon(true).unstarted(this::listen);
        thread = listener;
        listener.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread listener = thread;
        if (listener == null) {
            return;
        }
        listener.interrupt();
        try {
            // The wait for signals ends within the poll timeout; closing the connection ends it sooner.
            listener.join(properties.pollTimeout().plusSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(connection);
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the listening connection is open and subscribed (for tests and health). */
    public boolean isListening() {
        return listening;
    }

    private void listen() {
        boolean reconnected = false;
        while (running) {
            try (Connection open = connections.open()) {
                connection = open;
                try (Statement listen = open.createStatement()) {
                    listen.execute("LISTEN " + InboxSignal.CHANNEL);
                }
                listening = true;
                if (reconnected) {
                    log.info("Listening for inbox signals again");
                    registry.members().forEach(this::refresh);
                }
                PGConnection pg = open.unwrap(PGConnection.class);
                int timeout = (int) Math.max(1, properties.pollTimeout().toMillis());
                while (running) {
                    PGNotification[] signals = pg.getNotifications(timeout);
                    if (signals != null) {
                        for (PGNotification signal : signals) {
                            handle(signal.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("The inbox signal connection failed; reconnecting in {}", properties.reconnectDelay(), e);
                }
            } finally {
                listening = false;
                connection = null;
            }
            reconnected = true;
            if (running) {
                pause();
            }
        }
    }

    private void handle(String payload) {
        Key key;
        try {
            int colon = payload.indexOf(':');
            key = new Key(
                    new TenantId(UUID.fromString(payload.substring(0, colon))),
                    UUID.fromString(payload.substring(colon + 1)));
        } catch (RuntimeException e) {
            log.warn("Ignoring an inbox signal with a malformed payload: {}", payload);
            return;
        }
        if (registry.hasListeners(key.tenant(), key.member())) {
            refresh(key);
        }
    }

    private void refresh(Key key) {
        try {
            Long unread = TenantContext.callAs(
                    key.tenant(), () -> readOnly.execute(status -> inbox.unreadCount(key.member())));
            registry.deliver(key.tenant(), key.member(), unread == null ? 0 : unread);
        } catch (RuntimeException e) {
            log.warn("Could not count the unread entries of member {} of tenant {}", key.member(), key.tenant(), e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.reconnectDelay());
        } catch (InterruptedException e) {
            // stop() interrupts: the loop condition ends it
        }
    }

    private static void closeQuietly(@Nullable Connection open) {
        if (open == null) {
            return;
        }
        try {
            open.close();
        } catch (SQLException e) {
            // already broken: nothing to release
        }
    }
}
