package io.loadwise.billing.catalog.web;

import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.catalog.PromotionCode;
import io.loadwise.billing.catalog.PromotionCodeDraft;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Catalog")
class PromotionCodesController {

    static final String CODES = ProductsController.PRODUCTS + "/promotion-codes";

    private final ProductService catalog;

    PromotionCodesController(ProductService catalog) {
        this.catalog = catalog;
    }

    @GetMapping(CODES)
    @Operation(summary = "The business's promotion codes, active first")
    List<PromotionCodeJson> list() {
        return catalog.promotionCodes().stream().map(PromotionCodeJson::of).toList();
    }

    @PostMapping(CODES)
    @Operation(
            summary = "Create a promotion code",
            description = "code: 3–40 of A–Z, 0–9, '-', '_' (upper-cased); either percentOff 1–100 or amountOffMinor"
                    + " in the business's currency; optional maxRedemptions and expiresAt (future). Created as a"
                    + " coupon and promotion code on the Stripe account. 409 when the business used the code"
                    + " before.")
    ResponseEntity<PromotionCodeJson> create(@RequestBody CodeRequest request) {
        PromotionCode created = catalog.createPromotionCode(new PromotionCodeDraft(
                request.code() == null ? "" : request.code(),
                request.percentOff(),
                request.amountOffMinor(),
                request.maxRedemptions(),
                request.expiresAt()));
        return ResponseEntity.created(URI.create(CODES + "/" + created.id())).body(PromotionCodeJson.of(created));
    }

    @PostMapping(CODES + "/{id}/deactivate")
    @Operation(summary = "Stop a promotion code (on Stripe too)")
    PromotionCodeJson deactivate(@PathVariable UUID id) {
        return PromotionCodeJson.of(catalog.deactivatePromotionCode(id));
    }

    record CodeRequest(
            @Nullable String code,
            @Nullable Integer percentOff,
            @Nullable Long amountOffMinor,
            @Nullable Integer maxRedemptions,
            @Nullable Instant expiresAt) {}

    record PromotionCodeJson(
            UUID id,
            String code,
            @Nullable Integer percentOff,
            @Nullable Long amountOffMinor,
            @Nullable String currency,
            @Nullable Integer maxRedemptions,
            @Nullable Instant expiresAt,
            boolean active,
            boolean synced,
            @Nullable String syncError) {

        static PromotionCodeJson of(PromotionCode c) {
            return new PromotionCodeJson(
                    c.id(),
                    c.code(),
                    c.percentOff(),
                    c.amountOffMinor(),
                    c.currency(),
                    c.maxRedemptions(),
                    c.expiresAt(),
                    c.active(),
                    c.synced(),
                    c.syncError());
        }
    }
}
