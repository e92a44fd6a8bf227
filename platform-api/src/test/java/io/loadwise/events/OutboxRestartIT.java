package io.loadwise.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loadwise.PlatformApiTestApplication;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientInvited;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.testsupport.TopicRecords;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox survives a broker outage: an event whose Kafka send failed stays an incomplete
 * publication, and the next start of the application sends it.
 */
class OutboxRestartIT {

    @Test
    void a_publication_that_could_not_reach_kafka_is_sent_after_a_restart() throws Exception {
        Tenant tenant = tenantAfterMigration();
        ClientInvited invite = new ClientInvited(
                UUID.randomUUID(),
                tenant.id(),
                new ClientId(UUID.randomUUID()),
                UUID.randomUUID(),
                "outbox-" + UUID.randomUUID() + "@example.com",
                "Olive Outbox",
                tenant.name(),
                tenant.slug(),
                "Coach Carla",
                Instant.now());

        // Nothing listens on the port: every send fails within max.block.ms.
        Map<String, Object> brokerDown = new HashMap<>();
        brokerDown.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + closedPort());
        brokerDown.put("spring.kafka.producer.properties.max.block.ms", "1500");
        brokerDown.put("spring.kafka.admin.auto-create", "false");
        brokerDown.put("loadwise.roles", "web");
        try (var first = start(brokerDown)) {
            publishInTransaction(first, invite);
            await().atMost(Duration.ofSeconds(20)).until(() -> publicationStatus(invite.eventId()), "FAILED"::equals);
        }
        assertThat(completed(invite.eventId())).isFalse();

        try (var second = start(Map.of())) {
            ConsumerRecord<String, byte[]> record = TopicRecords.await(
                    ClientInvited.TOPIC, Duration.ofSeconds(30), r -> new String(r.value(), StandardCharsets.UTF_8)
                            .contains(invite.eventId().toString()));

            assertThat(record.key()).isEqualTo(tenant.id().toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> completed(invite.eventId()));
        }
    }

    private static Tenant tenantAfterMigration() {
        // Flyway runs with the first context; a throwaway one migrates before the tenant is made.
        try (var ignored = start(Map.of("loadwise.roles", "web"))) {
            return TestTenants.create("Outbox Strength");
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(TestInfrastructure.applicationProperties());
        properties.put("server.port", "0");
        properties.putAll(overrides);
        // As command-line arguments: builder properties would rank below the platform defaults.
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(PlatformApiTestApplication.class).run(args);
    }

    private static void publishInTransaction(ConfigurableApplicationContext context, ClientInvited invite) {
        context.getBean(TransactionTemplate.class).executeWithoutResult(s -> context.publishEvent(invite));
    }

    private static int closedPort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String publicationStatus(UUID eventId) throws SQLException {
        return publicationColumn(eventId, "status");
    }

    private static boolean completed(UUID eventId) throws SQLException {
        return publicationColumn(eventId, "completion_date") != null;
    }

    private static String publicationColumn(UUID eventId, String column) throws SQLException {
        try (Connection connection =
                        TestInfrastructure.postgres().appDataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("select " + column
                        + " from event_publication where event_type = ? and serialized_event like ?")) {
            query.setString(1, ClientInvited.class.getName());
            query.setString(2, "%" + eventId + "%");
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
