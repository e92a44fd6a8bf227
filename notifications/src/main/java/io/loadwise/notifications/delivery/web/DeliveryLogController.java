package io.loadwise.notifications.delivery.web;

import io.loadwise.notifications.DeliveryLog;
import io.loadwise.tenancy.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins: the email delivery log per business, every business's dead letters, replay. */
@RestController
@RequestMapping("/api/v1/admin/notifications")
@Tag(name = "Notification delivery", description = "Email delivery log and dead letters, for platform admins")
class DeliveryLogController {

    private final DeliveryLog deliveryLog;

    DeliveryLogController(DeliveryLog deliveryLog) {
        this.deliveryLog = deliveryLog;
    }

    record ReplayRequest(@Nullable String reason) {}

    @GetMapping("/businesses/{tenantId}/emails")
    @Operation(summary = "A business's emails, newest first, optionally of one status")
    List<DeliveryLog.Entry> entries(
            @PathVariable UUID tenantId,
            @Parameter(description = "pending, held, digest, sent, failed, dead, bounced or suppressed")
                    @RequestParam(required = false)
                    @Nullable
                    String status,
            @Parameter(description = "1-500") @RequestParam(defaultValue = "50") int limit) {
        return deliveryLog.entries(new TenantId(tenantId), status, limit);
    }

    @GetMapping("/businesses/{tenantId}/counts")
    @Operation(summary = "A business's emails counted by outcome")
    DeliveryLog.Counts counts(@PathVariable UUID tenantId) {
        return deliveryLog.counts(new TenantId(tenantId));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Every business's dead emails, newest first")
    List<DeliveryLog.Entry> deadLetters(
            @Parameter(description = "1-500") @RequestParam(defaultValue = "50") int limit) {
        return deliveryLog.deadLetters(limit);
    }

    @PostMapping("/businesses/{tenantId}/emails/{notificationId}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Send a dead or bounced email again from scratch",
            description = "The reason is required and goes into the business's audit log.")
    void replay(@PathVariable UUID tenantId, @PathVariable UUID notificationId, @RequestBody ReplayRequest request) {
        deliveryLog.replay(new TenantId(tenantId), notificationId, request.reason() == null ? "" : request.reason());
    }
}
