package io.loadwise.notifications.invites;

import static io.loadwise.notifications.invites.InviteEvents.inviteTo;
import static io.loadwise.notifications.invites.InviteEvents.mailTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loadwise.events.EventTopics;
import io.loadwise.events.UnprocessableEventException;
import io.loadwise.roster.ClientInvited;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.testsupport.TopicRecords;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end through real PostgreSQL, Kafka and SMTP: an invite published with the business
 * transaction is on the topic keyed by tenant, and the client gets exactly one email.
 */
@IntegrationTest
@DirtiesContext // stops this context's consumer, so later test classes own the consumer group
class ClientInvitedMailIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JsonMapper json;

    Tenant tenant;

    @BeforeEach
    void aCoachingBusiness() {
        tenant = TestTenants.create("Stride Coaching");
    }

    @Test
    void an_invite_goes_to_kafka_keyed_by_tenant_as_json_and_mails_the_client() throws Exception {
        ClientInvited invite = inviteTo(tenant, "Dana Client");

        tx.executeWithoutResult(s -> events.publishEvent(invite));

        ConsumerRecord<String, byte[]> record = recordOf(invite);
        assertThat(record.key()).isEqualTo(tenant.id().toString());
        JsonNode payload = json.readTree(record.value());
        assertThat(payload.get("eventId").asString()).isEqualTo(invite.eventId().toString());
        assertThat(payload.get("email").asString()).isEqualTo(invite.email());
        assertThat(payload.get("tenantId").get("value").asString())
                .isEqualTo(tenant.id().toString());

        await().atMost(PATIENCE).until(() -> mailTo(invite.email()), m -> m.size() == 1);
        MimeMessage mail = mailTo(invite.email()).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Stride Coaching invited you to Loadwise");
        String body = InviteEvents.text(mail);
        assertThat(body)
                .containsPattern("https://coach\\.example\\.test/welcome/[A-Za-z0-9_-]{80,}")
                .contains("Hi Dana Client");

        await().atMost(PATIENCE).until(() -> publicationCompleted(invite.eventId()));
    }

    @Test
    void the_same_record_delivered_twice_sends_one_mail() {
        ClientInvited invite = inviteTo(tenant, "Eli Twice");
        tx.executeWithoutResult(s -> events.publishEvent(invite));
        ConsumerRecord<String, byte[]> original = recordOf(invite);
        await().atMost(PATIENCE).until(() -> mailTo(invite.email()), m -> m.size() == 1);

        // A redelivery as Kafka makes it: the very same key and bytes, another offset.
        var duplicate = kafka.send(new ProducerRecord<>(ClientInvited.TOPIC, original.key(), original.value()))
                .join();
        ConsumerRecord<String, byte[]> redelivered = TopicRecords.await(
                ClientInvited.TOPIC,
                PATIENCE,
                r -> r.partition() == duplicate.getRecordMetadata().partition()
                        && r.offset() == duplicate.getRecordMetadata().offset());
        TopicRecords.awaitConsumed(ClientInvitedMailer.GROUP, redelivered, PATIENCE);

        assertThat(mailTo(invite.email())).hasSize(1);
    }

    @Test
    void a_malformed_record_goes_straight_to_the_dead_letter_topic() {
        String marker = "not-json-" + UUID.randomUUID();
        kafka.send(new ProducerRecord<>(
                        ClientInvited.TOPIC, tenant.id().toString(), marker.getBytes(StandardCharsets.UTF_8)))
                .join();

        ConsumerRecord<String, byte[]> dead =
                TopicRecords.await(EventTopics.deadLetterTopic(ClientInvited.TOPIC), PATIENCE, r -> new String(
                                r.value(), StandardCharsets.UTF_8)
                        .equals(marker));

        assertThat(TopicRecords.header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .isEqualTo(UnprocessableEventException.class.getName());
        assertThat(TopicRecords.header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(ClientInvited.TOPIC);
        assertThat(dead.key()).isEqualTo(tenant.id().toString());
    }

    @Test
    void the_worker_role_runs_the_invite_consumer() {
        var container = listeners.getListenerContainer("client-invited-mailer");

        assertThat(container).isNotNull();
        assertThat(container.isRunning()).isTrue();
        assertThat(container.getGroupId()).isEqualTo("loadwise-notifications");
    }

    private static ConsumerRecord<String, byte[]> recordOf(ClientInvited invite) {
        return TopicRecords.await(ClientInvited.TOPIC, PATIENCE, r -> new String(r.value(), StandardCharsets.UTF_8)
                .contains(invite.eventId().toString()));
    }

    static boolean publicationCompleted(UUID eventId) throws Exception {
        try (Connection connection =
                        TestInfrastructure.postgres().appDataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select completion_date from event_publication where serialized_event like ?")) {
            query.setString(1, "%" + eventId + "%");
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        }
    }
}
