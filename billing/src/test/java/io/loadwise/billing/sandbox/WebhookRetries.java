package io.loadwise.billing.sandbox;

import java.time.Duration;

/**
 * How the sandbox retries a webhook the endpoint did not acknowledge (an answer outside 2xx, or no
 * answer at all), as Stripe does — in seconds rather than Stripe's three days: it is a sandbox.
 *
 * @param attempts attempts per event and endpoint, the first one included (1: no retries)
 * @param firstBackoff the wait before the second attempt; it doubles before each further one
 */
public record WebhookRetries(int attempts, Duration firstBackoff) {

    /** Four attempts, 1 s, 2 s and 4 s apart: long enough for an app restarting in the local run. */
    public static final WebhookRetries DEFAULT = new WebhookRetries(4, Duration.ofSeconds(1));

    public WebhookRetries {
        if (attempts < 1) {
            throw new IllegalArgumentException("A webhook needs at least one attempt, not " + attempts);
        }
        if (firstBackoff.isNegative()) {
            throw new IllegalArgumentException("A back-off cannot be negative: " + firstBackoff);
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based) before the next one. */
    Duration backoffAfter(int attempt) {
        return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
