package io.loadwise.billing.webhooks.web;

import io.loadwise.billing.webhooks.WebhookPaths;
import io.loadwise.billing.webhooks.internal.InvalidWebhookException;
import io.loadwise.billing.webhooks.internal.WebhookIntake;
import io.loadwise.billing.webhooks.internal.WebhookIntake.Endpoint;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's two webhook endpoints. The body is taken as raw bytes — the signature covers exactly
 * what Stripe sent — verified, stored and acknowledged at once; processing follows asynchronously.
 * A repeat is acknowledged too (Stripe stops resending).
 */
@RestController
@Hidden
class StripeWebhookController {

    private final WebhookIntake intake;

    StripeWebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping(WebhookPaths.PLATFORM)
    ResponseEntity<Map<String, Object>> platform(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        return receive(Endpoint.PLATFORM, body, signature);
    }

    @PostMapping(WebhookPaths.CONNECT)
    ResponseEntity<Map<String, Object>> connect(
            @RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        return receive(Endpoint.CONNECT, body, signature);
    }

    private ResponseEntity<Map<String, Object>> receive(
            Endpoint endpoint, byte @Nullable [] body, @Nullable String signature) {
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        WebhookIntake.Accepted accepted = intake.receive(endpoint, payload, signature);
        return ResponseEntity.ok(Map.of("received", true, "id", accepted.eventId(), "duplicate", accepted.duplicate()));
    }

    @ExceptionHandler(InvalidWebhookException.class)
    ProblemDetail invalid(InvalidWebhookException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Webhook refused", e.getMessage(), e.slug());
    }
}
