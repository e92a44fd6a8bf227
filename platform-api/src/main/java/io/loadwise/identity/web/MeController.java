package io.loadwise.identity.web;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.Role;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    private final TenantDirectory tenants;

    MeController(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the bearer token belongs to, with their roles and coaching business")
    Me me() {
        CurrentUser user = CurrentUsers.require();
        TenantView tenant =
                user.tenantId().flatMap(tenants::findById).map(TenantView::of).orElse(null);
        return new Me(
                user.userId(),
                user.email(),
                user.displayName(),
                user.roles().stream().map(Role::realmRole).sorted().toList(),
                tenant);
    }

    record Me(
            UUID userId,
            @Nullable String email,
            @Nullable String displayName,
            List<String> roles,
            @Nullable TenantView tenant) {}

    record TenantView(UUID id, String slug, String name) {
        static TenantView of(Tenant t) {
            return new TenantView(t.id().value(), t.slug(), t.name());
        }
    }
}
