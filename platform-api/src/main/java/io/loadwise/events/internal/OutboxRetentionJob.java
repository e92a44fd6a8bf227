package io.loadwise.events.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.events.EventsProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes the outbox's publications completed longer ago than {@code
 * loadwise.events.outbox.retention} (7 days), nightly in the worker role. Without it the table
 * grows by a row per event and listener for ever, and with it the index the registry finds a
 * publication by when marking it. Publications not completed are never deleted here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWorkerRole
@EnableScheduling
class OutboxRetentionJob {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetentionJob.class);

    private final CompletedEventPublications completed;
    private final Duration retention;

    OutboxRetentionJob(CompletedEventPublications completed, EventsProperties properties) {
        this.completed = completed;
        this.retention = properties.outbox().retention();
    }

    @Scheduled(cron = "${loadwise.events.outbox.retention-cron:0 20 3 * * *}", zone = "UTC")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("Deleting old outbox publications failed; the next night's run catches up", e);
        }
    }

    void run() {
        completed.deletePublicationsOlderThan(retention);
        log.info("Deleted the outbox publications completed more than {} ago", retention);
    }
}
