package io.loadwise.billing.sandbox;

import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts events to the registered webhook endpoints like Stripe: signed, first attempts one at a
 * time on their own thread in the order the events happened; Connect events (those with an
 * {@code account}) go to endpoints created with {@code connect=true}, the platform's own to the
 * others. An attempt the endpoint does not acknowledge (an answer outside 2xx, or none) is tried
 * again after a back-off ({@link WebhookRetries}), signed anew, while later events go on; so, as with
 * Stripe, a retried event can arrive after newer ones. Retries stop once the endpoint is deleted.
 */
final class WebhookDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private record Endpoint(String id, String url, boolean connect, List<String> enabledEvents) {
        boolean wants(String type, boolean connectEvent) {
            return connect == connectEvent && (enabledEvents.contains("*") || enabledEvents.contains(type));
        }
    }

    private final String secret;
    private final WebhookRetries retries;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final List<DeliveredEvent> delivered = new CopyOnWriteArrayList<>();
    private final List<JsonObject> created = new CopyOnWriteArrayList<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "stripe-sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    /** Holds retries until their back-off has passed, then hands them to the sender. */
    private final ScheduledExecutorService retryTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stripe-sandbox-webhook-retries");
        thread.setDaemon(true);
        return thread;
    });
    /** Retries waiting for their back-off or for the sender: {@link #flush} waits for them too. */
    private final AtomicInteger pendingRetries = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    WebhookDelivery(String secret, WebhookRetries retries) {
        this.secret = secret;
        this.retries = retries;
    }

    void register(String id, String url, boolean connect, List<String> enabledEvents) {
        endpoints.put(id, new Endpoint(id, url, connect, List.copyOf(enabledEvents)));
    }

    void unregister(String id) {
        endpoints.remove(id);
    }

    /** Called in event order (under the store's lock); sending happens on the sender thread. */
    void accept(JsonObject event) {
        created.add(event);
        String payload = event.toString();
        String type = event.get("type").getAsString();
        boolean connectEvent = event.has("account");
        List<Endpoint> targets = endpoints.values().stream()
                .filter(e -> e.wants(type, connectEvent))
                .toList();
        for (Endpoint endpoint : targets) {
            sender.execute(() -> send(endpoint, event, payload, 1));
        }
    }

    private void send(Endpoint endpoint, JsonObject event, String payload, int attempt) {
        int status = 0;
        String failure = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header(
                            "Stripe-Signature",
                            StripeSignatures.sign(payload, secret, Instant.now().getEpochSecond()))
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            failure = e.toString();
        }
        JsonObject object = event.getAsJsonObject("data").getAsJsonObject("object");
        DeliveredEvent attempted = new DeliveredEvent(
                event.get("id").getAsString(),
                event.get("type").getAsString(),
                event.has("account") ? event.get("account").getAsString() : null,
                object.has("id") ? object.get("id").getAsString() : null,
                endpoint.url(),
                status,
                payload,
                attempt);
        delivered.add(attempted);
        if (attempted.acknowledged()) {
            if (attempt > 1) {
                log.info(
                        "Stripe sandbox: {} acknowledged event {} ({}) on attempt {}",
                        endpoint.url(),
                        attempted.id(),
                        attempted.type(),
                        attempt);
            }
            return;
        }
        boolean again = attempt < retries.attempts();
        Duration backoff = retries.backoffAfter(attempt);
        String outcome = again ? "next attempt in " + backoff : "giving up";
        if (failure == null) {
            log.warn(
                    "Stripe sandbox: {} answered {} to event {} ({}), attempt {} of {}; {}",
                    endpoint.url(),
                    status,
                    attempted.id(),
                    attempted.type(),
                    attempt,
                    retries.attempts(),
                    outcome);
        } else {
            // Quieter: in a test JVM, endpoints of app contexts that were closed stay registered.
            log.debug(
                    "Stripe sandbox: {} unreachable for event {} ({}), attempt {} of {}; {}: {}",
                    endpoint.url(),
                    attempted.id(),
                    attempted.type(),
                    attempt,
                    retries.attempts(),
                    outcome,
                    failure);
        }
        if (again) {
            retryLater(endpoint, event, payload, attempt + 1, backoff);
        }
    }

    private void retryLater(Endpoint endpoint, JsonObject event, String payload, int attempt, Duration backoff) {
        pendingRetries.incrementAndGet();
        try {
            retryTimer.schedule(
                    () -> {
                        try {
                            sender.execute(() -> {
                                try {
                                    // Like Stripe, a deleted (or replaced) endpoint gets no more attempts.
                                    if (endpoints.get(endpoint.id()) == endpoint) {
                                        send(endpoint, event, payload, attempt);
                                    }
                                } finally {
                                    pendingRetries.decrementAndGet();
                                }
                            });
                        } catch (RejectedExecutionException closed) {
                            pendingRetries.decrementAndGet();
                        }
                    },
                    backoff.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            pendingRetries.decrementAndGet();
        }
    }

    List<DeliveredEvent> delivered() {
        return List.copyOf(delivered);
    }

    /** Every event the sandbox created, delivered or not, oldest first. */
    List<JsonObject> created() {
        return new ArrayList<>(created);
    }

    DeliveredEvent await(Predicate<DeliveredEvent> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (DeliveredEvent event : delivered) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "The Stripe sandbox delivered no matching webhook within " + timeout + "; delivered: "
                                + delivered.stream()
                                        .map(d -> d.type() + "→" + d.endpointUrl() + " " + d.status() + " (attempt "
                                                + d.attempt() + ")")
                                        .toList());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for a webhook", e);
            }
        }
    }

    /** Waits until everything handed in so far has been sent, retries included. */
    void flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            do {
                long left = Math.max(deadline - System.nanoTime(), 1);
                sender.submit(() -> {}).get(left, TimeUnit.NANOSECONDS);
                if (pendingRetries.get() > 0) {
                    Thread.sleep(20);
                }
            } while (pendingRetries.get() > 0 && System.nanoTime() < deadline);
        } catch (Exception e) {
            throw new AssertionError("Webhook delivery did not finish within " + timeout, e);
        }
        if (pendingRetries.get() > 0) {
            throw new AssertionError("Webhook retries still waiting after " + timeout);
        }
    }

    @Override
    public void close() {
        retryTimer.shutdownNow();
        sender.shutdownNow();
    }
}
