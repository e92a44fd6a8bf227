package io.loadwise.events;

import io.loadwise.events.internal.ProcessedEventRepository;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The idempotency store of every consumer: runs an event's effect at most once per consumer.
 *
 * <p>The record {@code (tenant, consumer, event id)} in {@code processed_events} is written in the
 * same transaction as the effect's own rows, so either both commit or neither does and a
 * redelivered event finds its record and does nothing.
 */
@Service
public class ProcessedEvents {

    private final ProcessedEventRepository repository;
    private final TransactionTemplate newTransaction;

    ProcessedEvents(ProcessedEventRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.newTransaction = new TransactionTemplate(transactions);
        // Always a fresh transaction: the tenant is written to the connection when a transaction
        // begins, so joining a caller's transaction could run under another tenant's rows.
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs {@code work} for the event unless {@code consumer} already processed it, as the event's
     * tenant and in one new transaction with the processed-event record. If {@code work} throws,
     * the record rolls back with it and the exception propagates, so the event is retried.
     *
     * @param tenant the tenant the event belongs to (row level security is set to it)
     * @param eventId the event's id, the same on every delivery
     * @param consumer a stable name of the consuming component, e.g. {@code notifications.client-invited-mail}
     * @return true when the work ran, false when the event had been processed before
     */
    public boolean runOnce(TenantId tenant, UUID eventId, String consumer, Runnable work) {
        return TenantContext.callAs(
                tenant,
                () -> Boolean.TRUE.equals(newTransaction.execute(status -> {
                    if (!repository.claim(tenant, consumer, eventId)) {
                        return false;
                    }
                    work.run();
                    return true;
                })));
    }

    /** Whether {@code consumer} completed the event (for operators and tests). */
    public boolean isProcessed(TenantId tenant, UUID eventId, String consumer) {
        return TenantContext.callAs(
                tenant,
                () -> Boolean.TRUE.equals(
                        newTransaction.execute(status -> repository.contains(tenant, consumer, eventId))));
    }
}
