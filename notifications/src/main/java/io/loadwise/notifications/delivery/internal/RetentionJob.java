package io.loadwise.notifications.delivery.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.notifications.delivery.RetentionProperties;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes finished notifications older than the retention ({@link RetentionProperties}), business
 * by business as that business (row level security), in batches of their own transactions. Mail
 * still on its way is never deleted, however old. Logs counts only: no address, no content.
 */
@Component
@ConditionalOnWorkerRole
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final TenantDirectory tenants;
    private final NotificationRepository notifications;
    private final RetentionProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    RetentionJob(
            TenantDirectory tenants,
            NotificationRepository notifications,
            RetentionProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.tenants = tenants;
        this.notifications = notifications;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${loadwise.notifications.retention.cron:0 40 3 * * *}", zone = "UTC")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("The notification retention run failed; the next night's run catches up", e);
        }
    }

    /** @return the notifications deleted now, over every open business */
    public int run() {
        int deleted = 0;
        for (TenantId tenant : tenants.activeTenantIds()) {
            try {
                deleted += runFor(tenant);
            } catch (RuntimeException e) {
                log.error("Notification retention of business {} failed; the next run catches up", tenant, e);
            }
        }
        return deleted;
    }

    /** @return the notifications of one business deleted now */
    public int runFor(TenantId tenant) {
        Instant before = clock.instant().minus(properties.age());
        int deleted = 0;
        int batch;
        do {
            Integer n = TenantContext.callAs(
                    tenant, () -> tx.execute(s -> notifications.deleteFinishedBefore(before, properties.batchSize())));
            batch = n == null ? 0 : n;
            deleted += batch;
        } while (batch == properties.batchSize());
        if (deleted > 0) {
            log.info(
                    "Notification retention deleted {} notifications of business {} stored before {}",
                    deleted,
                    tenant,
                    before);
        }
        return deleted;
    }
}
