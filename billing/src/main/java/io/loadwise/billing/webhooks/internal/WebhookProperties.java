package io.loadwise.billing.webhooks.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the webhook inbox is worked off ({@code loadwise.stripe.webhooks.*}).
 *
 * @param threads how many events are handled at once (handlers call Stripe, so mostly waiting)
 * @param batchSize how many due events one claim takes
 * @param pollInterval how often the inbox is looked at when nothing woke the processor (events
 *     stored by another instance, retries coming due)
 * @param lease how long a claimed event is hidden from other claims; an instance that dies mid-way
 *     leaves its events to be claimed again after it
 * @param firstRetry the wait after the first failed attempt, doubled after each further one
 * @param maxRetryInterval the longest wait between attempts
 * @param maxAttempts attempts before an event is marked failed and shown to platform admins
 */
@ConfigurationProperties("loadwise.stripe.webhooks")
public record WebhookProperties(
        @DefaultValue("4") int threads,
        @DefaultValue("50") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryInterval,
        @DefaultValue("8") int maxAttempts) {

    /** The wait before the next attempt after {@code attempts} failed ones (1, 2, ...). */
    Duration retryDelay(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 30);
        Duration delay = firstRetry.multipliedBy(factor);
        return delay.compareTo(maxRetryInterval) > 0 || delay.isNegative() ? maxRetryInterval : delay;
    }
}
