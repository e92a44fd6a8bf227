package io.loadwise.billing.webhooks.internal;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.loadwise.billing.StripeProperties;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiving half of the webhook endpoints: verifies Stripe's signature on the raw body, stores
 * the event under its id (a repeat changes nothing) and wakes the processor. Only the event's id,
 * type and account are ever logged: payloads carry buyers' names and emails.
 */
@Service
public class WebhookIntake {

    public enum Endpoint {
        PLATFORM("platform"),
        CONNECT("connect");

        final String column;

        Endpoint(String column) {
            this.column = column;
        }
    }

    /** @param duplicate the event was stored before (Stripe sent it again) */
    public record Accepted(String eventId, boolean duplicate) {}

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    private final StripeProperties properties;
    private final StripeEventRepository events;
    private final ObjectProvider<WebhookProcessor> processor;
    private static final JsonMapper json = JsonMapper.builder().build();

    WebhookIntake(
            StripeProperties properties, StripeEventRepository events, ObjectProvider<WebhookProcessor> processor) {
        this.properties = properties;
        this.events = events;
        this.processor = processor;
    }

    /** @throws InvalidWebhookException for a missing, wrong or stale signature or a body that is no event */
    public Accepted receive(Endpoint endpoint, String payload, @Nullable String signatureHeader) {
        String secret =
                endpoint == Endpoint.CONNECT ? properties.connectWebhookSecret() : properties.platformWebhookSecret();
        if (secret == null || secret.isBlank()) {
            // Misconfiguration: refuse rather than accept unverifiable events.
            log.error("No signing secret is configured for the Stripe {} webhook endpoint", endpoint.column);
            throw new InvalidWebhookException(
                    "webhook-endpoint-not-configured", "This webhook endpoint has no signing secret configured.");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidWebhookException("webhook-signature-missing", "The Stripe-Signature header is missing.");
        }
        long tolerance = properties.webhookTolerance().toSeconds();
        try {
            // Verify first: nothing in an unsigned body is looked at.
            Webhook.Signature.verifyHeader(payload, signatureHeader, secret, tolerance);
        } catch (SignatureVerificationException e) {
            throw new InvalidWebhookException(
                    "webhook-signature-invalid",
                    "The Stripe-Signature does not match this body and endpoint secret, or it is older than "
                            + properties.webhookTolerance().toMinutes() + " minutes.");
        }
        JsonNode tree;
        Event event;
        try {
            tree = json.readTree(payload);
            event = Webhook.constructEvent(payload, signatureHeader, secret, tolerance);
        } catch (SignatureVerificationException | RuntimeException e) {
            // JSON that does not parse, or does not parse as an event (JacksonException is a RuntimeException)
            throw malformed();
        }
        if (event == null || event.getId() == null || event.getType() == null || event.getCreated() == null) {
            throw malformed();
        }
        boolean stored = events.insert(
                event.getId(),
                endpoint.column,
                event.getType(),
                event.getAccount(),
                Boolean.TRUE.equals(event.getLivemode()),
                event.getApiVersion(),
                objectId(tree),
                Instant.ofEpochSecond(event.getCreated()),
                payload);
        if (stored) {
            processor.ifAvailable(WebhookProcessor::wake);
        } else {
            log.debug("Stripe event {} ({}) received again", event.getId(), event.getType());
        }
        return new Accepted(event.getId(), !stored);
    }

    private static InvalidWebhookException malformed() {
        return new InvalidWebhookException(
                "webhook-malformed", "The body is not a Stripe event (JSON with id, type, created).");
    }

    private static @Nullable String objectId(JsonNode event) {
        JsonNode id = event.path("data").path("object").path("id");
        return id.isString() ? id.asString() : null;
    }
}
