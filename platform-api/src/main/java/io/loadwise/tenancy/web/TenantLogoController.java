package io.loadwise.tenancy.web;

import io.loadwise.tenancy.TenantId;
import io.loadwise.tenancy.TenantLogo;
import io.loadwise.tenancy.TenantSettingsService;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves each business's logo to storefronts, publicly. The URL carries the logo's timestamp, so
 * browsers and proxies may keep an image for long: a new logo gets a new URL.
 */
@RestController
class TenantLogoController {

    static final String PREFIX = "/tenant-logos/";

    private final TenantSettingsService settings;

    TenantLogoController(TenantSettingsService settings) {
        this.settings = settings;
    }

    /** The public address of a logo, versioned by when it changed. */
    static String path(TenantId tenant, Instant updatedAt) {
        return PREFIX + tenant + "?v=" + updatedAt.toEpochMilli();
    }

    @GetMapping(PREFIX + "{tenantId}")
    @Operation(summary = "A coaching business's logo, for its storefront (public)")
    ResponseEntity<byte[]> logo(@PathVariable UUID tenantId, WebRequest request) {
        return settings.logo(new TenantId(tenantId))
                .map(logo -> serve(logo, request))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> serve(TenantLogo logo, WebRequest request) {
        String etag = "\"" + logo.updatedAt().toEpochMilli() + "\"";
        CacheControl caching = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
        if (request.checkNotModified(etag, logo.updatedAt().toEpochMilli())) {
            return ResponseEntity.status(304).cacheControl(caching).eTag(etag).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(logo.contentType()))
                .cacheControl(caching)
                .eTag(etag)
                .lastModified(logo.updatedAt())
                .header("X-Content-Type-Options", "nosniff")
                .body(logo.bytes());
    }
}
