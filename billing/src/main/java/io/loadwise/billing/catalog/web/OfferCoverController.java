package io.loadwise.billing.catalog.web;

import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.catalog.ProductService.CoverImage;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves the covers of active products to storefronts, publicly. The URL carries the product's
 * version, so a new cover gets a new URL and browsers may keep an image for a day.
 */
@RestController
class OfferCoverController {

    static final String PREFIX = "/offer-covers/";

    private final ProductService catalog;

    OfferCoverController(ProductService catalog) {
        this.catalog = catalog;
    }

    /** The public address of a product's cover, versioned. */
    static String path(TenantId tenant, UUID offer, int version) {
        return PREFIX + tenant + "/" + offer + "?v=" + version;
    }

    @GetMapping(PREFIX + "{tenantId}/{offerId}")
    @Operation(summary = "An active product's cover image, for storefronts (public)")
    ResponseEntity<byte[]> cover(@PathVariable UUID tenantId, @PathVariable UUID offerId, WebRequest request) {
        return TenantContext.callAs(new TenantId(tenantId), () -> catalog.cover(offerId))
                .map(cover -> serve(cover, request))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> serve(CoverImage cover, WebRequest request) {
        String etag = "\"" + cover.sha256() + "\"";
        CacheControl caching = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
        if (request.checkNotModified(etag, cover.uploadedAt().toEpochMilli())) {
            return ResponseEntity.status(304).cacheControl(caching).eTag(etag).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(cover.contentType()))
                .cacheControl(caching)
                .eTag(etag)
                .lastModified(cover.uploadedAt())
                .header("X-Content-Type-Options", "nosniff")
                .body(cover.content());
    }
}
