package io.loadwise.billing.webhooks.web;

import io.loadwise.billing.webhooks.FailedWebhook;
import io.loadwise.billing.webhooks.WebhookInbox;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins look at Stripe events that failed or were flagged, and replay them. */
@RestController
@RequestMapping("/api/v1/admin/webhooks")
class WebhookInboxController {

    private final WebhookInbox inbox;

    WebhookInboxController(WebhookInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/problems")
    @Operation(
            summary = "Failed and flagged Stripe events, newest first",
            description = "Failed: the handler failed on every attempt. Flagged: not applied, e.g. an unknown"
                    + " connected account or a live/test mode mismatch. Carries no event payload.")
    List<FailedWebhook> problems(@RequestParam(defaultValue = "50") int limit) {
        return inbox.problems(limit);
    }

    @GetMapping("/counts")
    @Operation(summary = "How many Stripe events are pending, processed, ignored, flagged and failed")
    Map<String, Long> counts() {
        return inbox.counts();
    }

    @PostMapping("/{eventId}/replay")
    @Operation(
            summary = "Process a Stripe event again",
            description = "Puts the event back in the queue with its attempts reset; it is processed within"
                    + " seconds. Audited in the business's audit log (Connect events) with the optional reason.")
    ResponseEntity<Void> replay(@PathVariable String eventId, @RequestBody(required = false) @Nullable Reason body) {
        inbox.replay(eventId, body == null ? null : body.reason());
        return ResponseEntity.accepted().build();
    }

    record Reason(@Nullable String reason) {}
}
