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
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts events to the registered webhook endpoints like Stripe: signed, one at a time on its own
 * thread in the order they happened; Connect events (those with an {@code account}) go to
 * endpoints created with {@code connect=true}, the platform's own to the others. One attempt per
 * event and endpoint (Stripe would retry for days; a test or a person can replay from the inbox).
 */
final class WebhookDelivery implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private record Endpoint(String id, String url, boolean connect, List<String> enabledEvents) {
        boolean wants(String type, boolean connectEvent) {
            return connect == connectEvent && (enabledEvents.contains("*") || enabledEvents.contains(type));
        }
    }

    private final String secret;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final List<DeliveredEvent> delivered = new CopyOnWriteArrayList<>();
    private final List<JsonObject> created = new CopyOnWriteArrayList<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "stripe-sandbox-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    WebhookDelivery(String secret) {
        this.secret = secret;
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
            sender.execute(() -> send(endpoint, event, payload));
        }
    }

    private void send(Endpoint endpoint, JsonObject event, String payload) {
        int status = 0;
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
            if (status >= 300) {
                log.warn(
                        "Stripe sandbox: {} answered {} to event {} ({})",
                        endpoint.url(),
                        status,
                        event.get("id"),
                        event.get("type"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Stripe sandbox: {} unreachable for event {}: {}", endpoint.url(), event.get("id"), e.toString());
        }
        JsonObject object = event.getAsJsonObject("data").getAsJsonObject("object");
        delivered.add(new DeliveredEvent(
                event.get("id").getAsString(),
                event.get("type").getAsString(),
                event.has("account") ? event.get("account").getAsString() : null,
                object.has("id") ? object.get("id").getAsString() : null,
                endpoint.url(),
                status,
                payload));
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
                                        .map(d -> d.type() + "→" + d.endpointUrl() + " " + d.status())
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

    /** Waits until everything handed in so far has been sent. */
    void flush(Duration timeout) {
        try {
            sender.submit(() -> {}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("Webhook delivery did not finish within " + timeout, e);
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
