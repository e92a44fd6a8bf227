package io.loadwise.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loadwise.notifications.inbox.internal.InboxListenerRegistry;
import io.loadwise.notifications.inbox.internal.InboxSignalListener;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * An inbox entry stored by any process reaches the open UIs of this web instance through
 * PostgreSQL LISTEN/NOTIFY: after its transaction commits, never when it rolls back, and again
 * after the listening connection was lost.
 */
@IntegrationTest
@TestPropertySource(properties = "loadwise.notifications.inbox.reconnect-delay=200ms")
class InboxSignalIT {

    static final Duration PATIENCE = Duration.ofSeconds(15);

    @Autowired
    InboxListenerRegistry registry;

    @Autowired
    InboxSignalListener listener;

    @Test
    void a_committed_entry_reaches_the_members_listener_with_the_new_unread_count() {
        Tenant tenant = TestTenants.create("Stride Coaching");
        UUID ann = InboxRows.member(tenant.id(), UUID.randomUUID(), "client", "Ann Runner");
        UUID bea = InboxRows.member(tenant.id(), UUID.randomUUID(), "client", "Bea Runner");
        List<Long> heardByAnn = new CopyOnWriteArrayList<>();
        List<Long> heardByBea = new CopyOnWriteArrayList<>();
        awaitListening();
        try (var a = registry.register(tenant.id(), ann, heardByAnn::add);
                var b = registry.register(tenant.id(), bea, heardByBea::add)) {

            InboxRows.deliver(tenant.id(), ann, "Plan adjusted", Instant.now());
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(heardByAnn).containsExactly(1L));

            InboxRows.deliver(tenant.id(), ann, "Plan adjusted again", Instant.now());
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(heardByAnn).containsExactly(1L, 2L));
            assertThat(heardByBea).as("another member's signal").isEmpty();
        }
    }

    @Test
    void a_rolled_back_entry_is_never_announced() throws Exception {
        Tenant tenant = TestTenants.create("Stride Coaching");
        UUID ann = InboxRows.member(tenant.id(), UUID.randomUUID(), "client", "Ann Runner");
        List<Long> heard = new CopyOnWriteArrayList<>();
        awaitListening();
        try (var subscription = registry.register(tenant.id(), ann, heard::add)) {
            try (Connection connection =
                    TestInfrastructure.postgres().appDataSource().getConnection()) {
                connection.setAutoCommit(false);
                bind(connection, tenant.id());
                var db = DSL.using(connection, SQLDialect.POSTGRES);
                InboxRows.insert(db, tenant.id(), ann, UUID.randomUUID(), "Never stored", Instant.now());
                InboxRows.signal(db, tenant.id(), ann);
                connection.rollback();
            }
            // Signals arrive in commit order: once the next one is heard, the rolled-back one would have been.
            InboxRows.deliver(tenant.id(), ann, "Stored", Instant.now());
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(heard).isNotEmpty());
            Thread.sleep(300);
            assertThat(heard).containsExactly(1L);
        }
    }

    @Test
    void after_the_listening_connection_is_lost_it_reconnects_and_signals_arrive_again() throws Exception {
        Tenant tenant = TestTenants.create("Stride Coaching");
        UUID ann = InboxRows.member(tenant.id(), UUID.randomUUID(), "client", "Ann Runner");
        List<Long> heard = new CopyOnWriteArrayList<>();
        awaitListening();
        try (var subscription = registry.register(tenant.id(), ann, heard::add)) {
            assertThat(terminateListeningBackends()).isPositive();
            await().atMost(PATIENCE).until(() -> !listener.isListening());
            awaitListening();

            InboxRows.deliver(tenant.id(), ann, "After the outage", Instant.now());
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(heard).contains(1L));
        }
    }

    private void awaitListening() {
        await().atMost(PATIENCE).until(listener::isListening);
    }

    private static void bind(Connection connection, TenantId tenant) throws Exception {
        try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            set.setString(1, tenant.toString());
            set.execute();
        }
    }

    /** Ends the listener's server session, as a database restart or a network cut would. */
    private static int terminateListeningBackends() throws Exception {
        try (Connection connection =
                        TestInfrastructure.postgres().appDataSource().getConnection();
                PreparedStatement kill = connection.prepareStatement("select count(pg_terminate_backend(pid))"
                        + " from pg_stat_activity where query ilike 'LISTEN %' and pid <> pg_backend_pid()");
                ResultSet result = kill.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }
}
