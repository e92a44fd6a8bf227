package io.loadwise.notifications.events.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.events.EventPayloads;
import io.loadwise.events.UnprocessableEventException;
import io.loadwise.notifications.NotificationRequest;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Notifier;
import io.loadwise.notifications.Recipient;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every consumer shares: reading a record into its event, refusing what can't be handled
 * (counted by reason), and handing requests to the notifier.
 *
 * <p>A record that is no such event, or lacks what the notification needs, can never succeed, so
 * it is counted and thrown as {@link UnprocessableEventException}: the listener container parks it
 * in the dead-letter topic without retries (operators can still look at it) and goes on with the
 * next record. A recipient without a usable address is only counted: the rest of the event's
 * recipients still hear.
 */
@Component
@ConditionalOnWorkerRole
public class EventIntake {

    public static final String SKIPPED = "loadwise.notifications.events.skipped";

    /** Why a record, or one recipient of it, got no notification. */
    public enum Skip {
        /** Not JSON, or not this event (another type, or a version whose shape we can't read). */
        UNREADABLE("unreadable"),
        /** Lacks a field the notification needs. */
        INCOMPLETE("incomplete"),
        /** The recipient has no email address. */
        NO_EMAIL("no_email"),
        /** The recipient's address is no address (no mail server would take it). */
        MALFORMED_EMAIL("malformed_email");

        private final String tag;

        Skip(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final EventPayloads payloads;
    private final ObjectProvider<Notifier> notifier;
    private final MeterRegistry meters;
    private final TransactionTemplate tx;

    /** The requests of the job running on this consumer thread, stored when its transaction ends. */
    private final ThreadLocal<@Nullable List<NotificationRequest>> pending = new ThreadLocal<>();

    /**
     * The notifier is looked up when a request is made, so a context without one (a module test
     * that brings no delivery) still starts; a request then fails and is retried like any error.
     */
    EventIntake(
            EventPayloads payloads,
            ObjectProvider<Notifier> notifier,
            MeterRegistry meters,
            PlatformTransactionManager transactions) {
        this.payloads = payloads;
        this.notifier = notifier;
        this.meters = meters;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What one record asks for, to be done as its business (see {@link #handleBatch}). */
    public record Job(TenantId tenant, Runnable work) {}

    private record Numbered(int index, Job job) {}

    /**
     * Handles a poll's records together. {@code jobOf} reads each record, in order, into the work it
     * asks for (empty: nothing to do); the jobs of one business then run in one transaction, and the
     * notifications they ask for are stored together at its end ({@link Notifier#notifyAll}): a few
     * statements for the whole poll instead of several per record, which is what lets a consumer
     * keep up with a burst.
     *
     * <p>When something fails, only the records from the first one that failed on are delivered
     * again: a business's jobs that fail together are run again one by one (each in its own
     * transaction) to find the record, and the container is told its index ({@link
     * BatchListenerFailedException}); the offsets before it are committed, that record is retried
     * with back-off or, unreadable, parked in the dead-letter topic at once, and the records after
     * it come again. Whatever was stored for a redelivered record is not stored twice (the dedupe
     * key).
     */
    public void handleBatch(
            List<ConsumerRecord<String, byte[]>> records,
            Function<ConsumerRecord<String, byte[]>, Optional<Job>> jobOf) {
        List<Numbered> jobs = new ArrayList<>(records.size());
        int failedAt = Integer.MAX_VALUE;
        @Nullable RuntimeException failure = null;
        for (int i = 0; i < records.size(); i++) {
            try {
                Optional<Job> job = jobOf.apply(records.get(i));
                if (job.isPresent()) {
                    jobs.add(new Numbered(i, job.get()));
                }
            } catch (RuntimeException e) {
                // The records before it are handled below; it and those after come again.
                failedAt = i;
                failure = e;
                break;
            }
        }
        Map<TenantId, List<Numbered>> byTenant = new LinkedHashMap<>();
        jobs.forEach(j -> byTenant.computeIfAbsent(j.job().tenant(), t -> new ArrayList<>())
                .add(j));
        if (log.isDebugEnabled()) {
            log.debug("Poll of {} records: {} jobs of {} businesses", records.size(), jobs.size(), byTenant.size());
        }
        for (var tenantJobs : byTenant.entrySet()) {
            int before = failedAt; // what comes again after a failure needn't run now
            List<Numbered> due = tenantJobs.getValue().stream()
                    .filter(j -> j.index() < before)
                    .toList();
            if (due.isEmpty()) {
                continue;
            }
            try {
                runTogether(tenantJobs.getKey(), due);
            } catch (RuntimeException together) {
                for (Numbered job : due) {
                    try {
                        runTogether(tenantJobs.getKey(), List.of(job));
                    } catch (RuntimeException alone) {
                        failedAt = job.index();
                        failure = alone;
                        break;
                    }
                }
            }
        }
        if (failure != null) {
            throw new BatchListenerFailedException(
                    "Record " + failedAt + " of " + records.size() + " failed: " + failure.getMessage(),
                    failure,
                    failedAt);
        }
    }

    private void runTogether(TenantId tenant, List<Numbered> jobs) {
        TenantContext.runAs(
                tenant,
                () -> tx.executeWithoutResult(status -> {
                    List<NotificationRequest> requests = new ArrayList<>();
                    pending.set(requests);
                    try {
                        jobs.forEach(j -> j.job().work().run());
                    } finally {
                        pending.remove();
                    }
                    if (!requests.isEmpty()) {
                        notifier.getObject().notifyAll(requests);
                    }
                }));
    }

    /**
     * @param required the fields without which no notification can be built (Jackson leaves
     *     missing properties null)
     * @throws UnprocessableEventException when the record is unusable (counted first)
     */
    public <T> T read(
            ConsumerRecord<String, byte[]> record, Class<T> type, java.util.function.Function<T, Object[]> required) {
        T event;
        try {
            if (record.value() == null) {
                throw new UnprocessableEventException("Empty " + type.getSimpleName() + " record");
            }
            event = payloads.read(record.value(), type);
        } catch (UnprocessableEventException e) {
            count(Skip.UNREADABLE, record.topic());
            log.warn(
                    "Skipped record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
        if (Arrays.stream(required.apply(event)).anyMatch(Objects::isNull)) {
            count(Skip.INCOMPLETE, record.topic());
            log.warn(
                    "Skipped record {}-{}@{}: {} lacks required fields",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    type.getSimpleName());
            throw new UnprocessableEventException(type.getSimpleName() + " record lacks required fields: " + event);
        }
        return event;
    }

    /** The recipient, or empty (counted) when there is no address to write to. */
    public Optional<Recipient> recipient(
            @Nullable String email, @Nullable String name, @Nullable UUID memberId, String topic) {
        if (email == null || email.isBlank()) {
            count(Skip.NO_EMAIL, topic);
            log.info("A recipient of a {} record has no email address; skipped", topic);
            return Optional.empty();
        }
        if (!wellFormed(email.strip())) {
            // Stored, it would only be refused at every send; the address itself stays out of the log.
            count(Skip.MALFORMED_EMAIL, topic);
            log.info("A recipient of a {} record has a malformed email address; skipped", topic);
            return Optional.empty();
        }
        String shown = name == null || name.isBlank() ? email.strip() : name;
        return Optional.of(new Recipient(email, shown, memberId));
    }

    /**
     * Asks for one notification. Inside a job ({@link #handleBatch}) it is stored
     * with the others of the job's business when their transaction ends; elsewhere at once.
     */
    public void notify(
            UUID eventId,
            TenantId tenant,
            NotificationType type,
            Recipient recipient,
            Map<String, Object> model,
            @Nullable String link,
            Instant occurredAt) {
        NotificationRequest request =
                new NotificationRequest(eventId, tenant, type, recipient, model, link, occurredAt);
        List<NotificationRequest> batch = pending.get();
        if (batch != null) {
            if (!batch.isEmpty() && !batch.getFirst().tenantId().equals(tenant)) {
                throw new IllegalStateException("A job of business "
                        + batch.getFirst().tenantId() + " asked for a notification of business " + tenant);
            }
            batch.add(request);
        } else {
            notifier.getObject().notify(request);
        }
    }

    /** Stores requests of one business together, now. @return the notifications stored */
    public int notifyAll(List<NotificationRequest> requests) {
        return requests.isEmpty() ? 0 : notifier.getObject().notifyAll(requests);
    }

    /** One plain address (RFC 822 syntax, with a domain): no display name, no list, no line break. */
    static boolean wellFormed(String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return address.getPersonal() == null
                    && email.equals(address.getAddress())
                    && email.indexOf('@') > 0
                    && email.indexOf('@') < email.length() - 1;
        } catch (AddressException e) {
            return false;
        }
    }

    void count(Skip reason, String topic) {
        Counter.builder(SKIPPED)
                .description("Event records (or recipients of one) that got no notification")
                .tag("reason", reason.tag())
                .tag("topic", topic)
                .register(meters)
                .increment();
    }
}
