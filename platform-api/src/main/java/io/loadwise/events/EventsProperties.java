package io.loadwise.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Loadwise's event topics are created and how consumers retry.
 *
 * @param partitions partitions of each event topic and its dead-letter topic; events are keyed by
 *     tenant, so this bounds how many workers share one topic's load
 * @param replicas replication factor of the topics (1 for a single local broker)
 * @param retry back-off of a consumer whose handling failed, before the record goes to the DLT
 * @param outbox how long the outbox keeps what it has sent
 */
@ConfigurationProperties("loadwise.events")
public record EventsProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue Retry retry,
        @DefaultValue Outbox outbox) {

    /**
     * The outbox's publications, once Kafka has acknowledged them, only tell an operator what went
     * out lately; the worker's nightly run ({@code loadwise.events.outbox.retention-cron}, default 03:20 UTC; {@code -}
     * turns it off) deletes those completed longer ago than {@code retention}. Publications not
     * completed are kept whatever their age: they are what is sent again.
     *
     * @param retention how long a completed publication is kept
     */
    public record Outbox(@DefaultValue("7d") Duration retention) {

        public Outbox {
            if (retention.compareTo(Duration.ofHours(1)) < 0) {
                throw new IllegalArgumentException("loadwise.events.outbox.retention must be at least an hour (1h)");
            }
        }
    }

    /**
     * Exponential back-off between attempts of one record. Retries block the record's partition,
     * which keeps a tenant's events in order; keep the total short and let the DLT hold the rest.
     *
     * @param initialInterval wait before the first retry
     * @param multiplier growth of the wait per retry
     * @param maxInterval longest single wait
     * @param maxRetries retries after the first attempt; then the record is dead-lettered
     */
    public record Retry(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("30s") Duration maxInterval,
            @DefaultValue("5") int maxRetries) {}
}
