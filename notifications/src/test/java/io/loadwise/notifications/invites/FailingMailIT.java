package io.loadwise.notifications.invites;

import static io.loadwise.notifications.invites.InviteEvents.inviteTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.events.EventTopics;
import io.loadwise.events.ProcessedEvents;
import io.loadwise.roster.ClientInvited;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.testsupport.TopicRecords;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMTP is broken: the consumer retries with back-off (application.properties: 100 ms doubling,
 * 2 retries), then parks the invite in the dead-letter topic, with the failure in its headers and
 * not marked processed, so a replay from the DLT would still mail it.
 */
@IntegrationTest
@DirtiesContext
class FailingMailIT {

    /** Accepts SMTP connections and hangs up at once, counting the attempts. */
    static final BrokenSmtp SMTP = BrokenSmtp.start();

    @DynamicPropertySource
    static void brokenMailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stop() throws IOException {
        SMTP.close();
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ProcessedEvents processed;

    @Test
    void a_failing_send_is_retried_with_back_off_then_dead_lettered() {
        Tenant tenant = TestTenants.create("Broken Mail Barbell");
        ClientInvited invite = inviteTo(tenant, "Fay Failing");
        long started = System.nanoTime();

        tx.executeWithoutResult(s -> events.publishEvent(invite));

        ConsumerRecord<String, byte[]> dead = TopicRecords.await(
                EventTopics.deadLetterTopic(ClientInvited.TOPIC), Duration.ofSeconds(60), r -> new String(
                                r.value(), StandardCharsets.UTF_8)
                        .contains(invite.eventId().toString()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(dead.key()).isEqualTo(tenant.id().toString());
        assertThat(TopicRecords.header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(ClientInvited.TOPIC);
        assertThat(TopicRecords.header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                .startsWith("org.springframework.mail.");
        assertThat(TopicRecords.header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                .containsIgnoringCase("mail");
        // One attempt and two retries, after waits of 100 ms and 200 ms.
        assertThat(SMTP.attempts()).hasValue(3);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(processed.isProcessed(tenant.id(), invite.eventId(), ClientInvitedMailer.CONSUMER))
                .isFalse();
    }

    record BrokenSmtp(ServerSocket socket, AtomicInteger attempts, Thread acceptor) implements AutoCloseable {

        static BrokenSmtp start() {
            try {
                var socket = new ServerSocket(0);
                var attempts = new AtomicInteger();
                var acceptor = Thread.ofVirtual().start(() -> {
                    while (!socket.isClosed()) {
                        try (Socket client = socket.accept()) {
                            attempts.incrementAndGet();
                        } catch (IOException e) {
                            // closed: the test is over
                        }
                    }
                });
                return new BrokenSmtp(socket, attempts, acceptor);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
