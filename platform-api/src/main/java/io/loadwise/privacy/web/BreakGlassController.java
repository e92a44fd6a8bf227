package io.loadwise.privacy.web;

import io.loadwise.privacy.AuditEntry;
import io.loadwise.privacy.ClientExport;
import io.loadwise.privacy.PrivacyService;
import io.loadwise.privacy.TenantClientsOverview;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform admin's only way to client data: break-glass, with a reason, audited in the tenant.
 * Without it an admin sees client ids and status counts, nothing more.
 */
@RestController
@RequestMapping("/api/v1/admin/tenants/{tenantId}")
class BreakGlassController {

    private final PrivacyService privacy;

    BreakGlassController(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @GetMapping("/clients")
    @Operation(summary = "A tenant's client ids and status counts (no personal data)")
    TenantClientsOverview clients(@PathVariable UUID tenantId) {
        return privacy.overview(new TenantId(tenantId));
    }

    @PostMapping("/clients/{clientId}/break-glass")
    @Operation(
            summary = "Break-glass: read one client's data, stating why",
            description = "Refused (400) without a reason of at least 20 characters. The access, the reason and"
                    + " what was accessed are written to the tenant's audit log. Answers the client's data.json.")
    Map<String, Object> breakGlass(
            @PathVariable UUID tenantId,
            @PathVariable UUID clientId,
            @RequestBody(required = false) @Nullable Reason body) {
        ClientExport export = privacy.breakGlassExport(
                new TenantId(tenantId), new ClientId(clientId), body == null ? null : body.reason());
        return export.data();
    }

    @PostMapping("/clients/{clientId}/erasure")
    @Operation(
            summary = "Break-glass: erase a client, stating why",
            description = "For erasure requests that reach the platform instead of the coaching business. Needs a"
                    + " reason of at least 20 characters; audited.")
    ErasureSummaryView erase(
            @PathVariable UUID tenantId,
            @PathVariable UUID clientId,
            @RequestBody(required = false) @Nullable Reason body) {
        return ErasureSummaryView.of(privacy.breakGlassErase(
                new TenantId(tenantId), new ClientId(clientId), body == null ? null : body.reason()));
    }

    @GetMapping("/audit")
    @Operation(summary = "The tenant's audit log, newest first (last 200 entries)")
    List<AuditEntry> audit(@PathVariable UUID tenantId) {
        return privacy.auditLog(new TenantId(tenantId));
    }

    record Reason(@Nullable String reason) {}
}
