package io.loadwise.notifications.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the mail worker sends.
 *
 * @param maxAttempts attempts before a failing mail is dead (admins see and replay it)
 * @param baseBackoff the wait after the first failure; it doubles with every further one
 * @param maxBackoff the longest wait between two attempts
 * @param batchSize mails claimed at once and sent over one SMTP connection
 * @param pollInterval how often the worker looks for due mail when nothing woke it
 * @param lease how long a claimed mail stays claimed: if the worker dies while sending, another
 *     picks the mail up after this
 * @param threads senders working in parallel, each with its own batches and SMTP connection
 */
@ConfigurationProperties("loadwise.notifications.delivery")
public record DeliveryProperties(
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("30s") Duration baseBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("100") int batchSize,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("2") int threads) {

    public DeliveryProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("loadwise.notifications.delivery.max-attempts must be at least 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("loadwise.notifications.delivery.threads must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("loadwise.notifications.delivery.batch-size must be at least 1");
        }
    }

    /** The wait after a mail failed {@code failuresBefore} times before this failure. */
    public Duration backoff(int failuresBefore) {
        int shift = Math.min(Math.max(failuresBefore, 0), 30);
        Duration wait = baseBackoff.multipliedBy(1L << shift);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
