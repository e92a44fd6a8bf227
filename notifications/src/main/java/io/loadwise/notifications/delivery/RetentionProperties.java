package io.loadwise.notifications.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long notifications are kept. The worker's nightly retention run (its time:
 * {@code loadwise.notifications.retention.cron}, default 03:40 UTC; {@code -} turns it off) deletes
 * the rows older than {@code age} that are done: sent, bounced, suppressed, dead, read and unread
 * in-app entries, and failed mail no longer queued for a retry. Mail still waiting (pending, held,
 * in a digest, or failed with a retry due) is kept whatever its age.
 *
 * @param age how old (by when it was stored) a finished notification may grow before it is deleted
 * @param batchSize rows deleted per transaction, so a large backlog never holds long locks
 */
@ConfigurationProperties("loadwise.notifications.retention")
public record RetentionProperties(
        @DefaultValue("180d") Duration age,
        @DefaultValue("1000") int batchSize) {

    public RetentionProperties {
        if (age.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("loadwise.notifications.retention.age must be at least a day (1d)");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("loadwise.notifications.retention.batch-size must be at least 1");
        }
    }
}
