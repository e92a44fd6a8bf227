package io.loadwise.notifications.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.events.UnprocessableEventException;
import io.loadwise.notifications.NotificationRequest;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Notifier;
import io.loadwise.notifications.Recipient;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * How a poll's records are handled together: one transaction and one store per business, and on a
 * failure the index of the first record that must come again (what the listener container commits
 * before, and retries or parks). The records here are "tenant:recipient" strings; "garbage" can't
 * be read and a recipient named "fail" makes the store refuse the request.
 */
class EventIntakeBatchTests {

    private static final TenantId STRIDE = new TenantId(UUID.randomUUID());
    private static final TenantId PEAK = new TenantId(UUID.randomUUID());

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final CountingTransactions transactions = new CountingTransactions();
    private final EventIntake intake = intake();

    @Test
    void the_records_of_each_business_are_stored_together_in_one_transaction_in_their_order() {
        intake.handleBatch(records("stride:ann", "peak:bo", "stride:cy", "peak:di", "stride:ed"), this::job);

        assertThat(notifier.stores)
                .containsExactly(List.of("stride:ann", "stride:cy", "stride:ed"), List.of("peak:bo", "peak:di"));
        assertThat(transactions.committed).isEqualTo(2);
        assertThat(transactions.rolledBack).isZero();
    }

    @Test
    void an_unreadable_record_is_reported_by_its_index_after_the_records_before_it_are_stored() {
        assertThatThrownBy(
                        () -> intake.handleBatch(records("stride:ann", "peak:bo", "garbage", "stride:cy"), this::job))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).isInstanceOf(UnprocessableEventException.class);
                });

        // cy comes again with the records after the unreadable one: not stored now.
        assertThat(notifier.stores).containsExactly(List.of("stride:ann"), List.of("peak:bo"));
    }

    @Test
    void a_business_whose_records_fail_together_is_retried_one_by_one_to_find_the_failing_record() {
        assertThatThrownBy(() -> intake.handleBatch(
                        records("stride:ann", "peak:bo", "stride:fail", "peak:di", "stride:ed"), this::job))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).hasMessageContaining("refused");
                });

        // Stride's three fail together; alone, ann is stored and "fail" is found. Every record after
        // it comes again (so a business's notifications keep their order), Peak's di too.
        assertThat(notifier.stores).containsExactly(List.of("stride:ann"), List.of("peak:bo"));
        assertThat(transactions.rolledBack).isEqualTo(2);
    }

    @Test
    void of_two_failures_the_earlier_record_is_the_one_reported() {
        assertThatThrownBy(() ->
                        intake.handleBatch(records("stride:ann", "peak:fail", "stride:fail", "garbage"), this::job))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex())
                        .isEqualTo(1));

        assertThat(notifier.stores).containsExactly(List.of("stride:ann"));
    }

    @Test
    void a_record_that_asks_for_nothing_is_skipped() {
        intake.handleBatch(records("stride:ann", "nothing", "stride:bo"), this::job);

        assertThat(notifier.stores).containsExactly(List.of("stride:ann", "stride:bo"));
    }

    private Optional<EventIntake.Job> job(ConsumerRecord<String, byte[]> record) {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        if (value.equals("garbage")) {
            throw new UnprocessableEventException("Not an event: " + value);
        }
        if (value.equals("nothing")) {
            return Optional.empty();
        }
        TenantId tenant = value.startsWith("stride:") ? STRIDE : PEAK;
        String who = value.substring(value.indexOf(':') + 1);
        return Optional.of(new EventIntake.Job(tenant, () -> {
            assertThat(TenantContext.require())
                    .as("the work runs as its business")
                    .isEqualTo(tenant);
            intake.notify(
                    UUID.randomUUID(),
                    tenant,
                    NotificationType.NEW_MESSAGE,
                    new Recipient(who + "@example.com", who, null),
                    Map.of(),
                    null,
                    Instant.EPOCH);
        }));
    }

    private static List<ConsumerRecord<String, byte[]>> records(String... values) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>("messages", 0, i, "key", values[i].getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    private EventIntake intake() {
        var beans = new DefaultListableBeanFactory();
        beans.registerSingleton("notifier", notifier);
        // The test's records are read by job(), not by the event payload reader.
        return new EventIntake(null, beans.getBeanProvider(Notifier.class), new SimpleMeterRegistry(), transactions);
    }

    /** Remembers each store as "business:recipient" names; refuses a recipient named "fail". */
    private static final class RecordingNotifier implements Notifier {
        final List<List<String>> stores = new ArrayList<>();

        @Override
        public int notifyAll(List<NotificationRequest> requests) {
            List<String> names = requests.stream()
                    .map(r -> (r.tenantId().equals(STRIDE) ? "stride:" : "peak:")
                            + r.recipient().name())
                    .toList();
            if (names.stream().anyMatch(n -> n.endsWith(":fail"))) {
                throw new IllegalStateException("The store refused " + names);
            }
            stores.add(names);
            return names.size();
        }
    }

    /** A transaction manager without a resource: counts what commits and what rolls back. */
    private static final class CountingTransactions extends AbstractPlatformTransactionManager {
        int committed;
        int rolledBack;

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            committed++;
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rolledBack++;
        }
    }
}
