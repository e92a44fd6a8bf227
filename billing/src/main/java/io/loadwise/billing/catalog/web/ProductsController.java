package io.loadwise.billing.catalog.web;

import io.loadwise.billing.catalog.FieldProblem;
import io.loadwise.billing.catalog.InvalidCatalogInputException;
import io.loadwise.billing.catalog.Product;
import io.loadwise.billing.catalog.ProductDraft;
import io.loadwise.billing.catalog.ProductService;
import io.loadwise.catalog.OfferKind;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.web.Etags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Catalog", description = "What a business sells: guides, custom plans, coaching packages")
class ProductsController {

    static final String PRODUCTS = "/api/v1/products";

    private final ProductService catalog;

    ProductsController(ProductService catalog) {
        this.catalog = catalog;
    }

    @GetMapping(PRODUCTS)
    @Operation(summary = "Every product of the business, active first, archived ones too (owner and coaches)")
    List<ProductJson> list() {
        return catalog.products().stream().map(ProductJson::of).toList();
    }

    @GetMapping(PRODUCTS + "/{id}")
    @Operation(summary = "One product; the ETag is the version to send in If-Match")
    ResponseEntity<ProductJson> get(@PathVariable UUID id) {
        Product product = catalog.product(id);
        return ResponseEntity.ok().eTag(Etags.of(product.version())).body(ProductJson.of(product));
    }

    @PostMapping(PRODUCTS)
    @Operation(
            summary = "Add a product",
            description = "kind guide, custom_plan or coaching; priceMinor in minor units of the business's currency"
                    + " (50 to 100000000); coaching needs billingInterval month or quarter and may have trialDays"
                    + " 1–730. 400 names each field that can't be saved. The product is synced to the business's"
                    + " Stripe account; when that fails it is saved anyway and reads synced=false with syncError.")
    ResponseEntity<ProductJson> create(@RequestBody ProductRequest request) {
        Product created = catalog.create(request.toDraft());
        return ResponseEntity.created(URI.create(PRODUCTS + "/" + created.id()))
                .eTag(Etags.of(created.version()))
                .body(ProductJson.of(created));
    }

    @PutMapping(PRODUCTS + "/{id}")
    @Operation(
            summary = "Change a product",
            description = "The whole product. Needs If-Match with the ETag read: 428 without it, 412 when someone"
                    + " else saved in the meantime. A new price or interval makes a new Stripe price.")
    ResponseEntity<ProductJson> update(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody ProductRequest request) {
        int expected = Etags.requireVersion(ifMatch);
        Product saved = catalog.update(id, expected, request.toDraft());
        return ResponseEntity.ok().eTag(Etags.of(saved.version())).body(ProductJson.of(saved));
    }

    @PostMapping(PRODUCTS + "/{id}/archive")
    @Operation(summary = "Stop selling a product (kept for past orders; archived on Stripe too)")
    ResponseEntity<ProductJson> archive(@PathVariable UUID id) {
        Product archived = catalog.archive(id);
        return ResponseEntity.ok().eTag(Etags.of(archived.version())).body(ProductJson.of(archived));
    }

    @PostMapping(PRODUCTS + "/sync")
    @Operation(summary = "Retry syncing to Stripe what is not there yet")
    List<ProductJson> sync() {
        return catalog.syncNow().stream().map(ProductJson::of).toList();
    }

    @PutMapping(path = PRODUCTS + "/{id}/guide", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a guide's PDF (multipart field 'file')",
            description = "A readable, unprotected PDF of at most 50 MB; its page count is taken when the product"
                    + " has none. 415 when it is not a PDF, 413 when too large.")
    ResponseEntity<ProductJson> uploadGuide(@PathVariable UUID id, @RequestPart("file") MultipartFile file)
            throws IOException {
        Product saved = catalog.uploadGuide(id, nameOf(file.getOriginalFilename()), file.getBytes());
        return ResponseEntity.ok().eTag(Etags.of(saved.version())).body(ProductJson.of(saved));
    }

    @PutMapping(path = PRODUCTS + "/{id}/guide", consumes = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Upload a guide's PDF as the raw request body (application/pdf)")
    ResponseEntity<ProductJson> uploadGuideRaw(
            @PathVariable UUID id, @RequestParam(required = false) @Nullable String fileName, @RequestBody byte[] pdf) {
        Product saved = catalog.uploadGuide(id, nameOf(fileName), pdf);
        return ResponseEntity.ok().eTag(Etags.of(saved.version())).body(ProductJson.of(saved));
    }

    @PutMapping(path = PRODUCTS + "/{id}/cover", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a cover image (multipart field 'file')",
            description = "PNG, JPEG or WebP (recognised by its bytes), at most 2 MB.")
    ResponseEntity<ProductJson> uploadCover(@PathVariable UUID id, @RequestPart("file") MultipartFile file)
            throws IOException {
        Product saved = catalog.uploadCover(
                id,
                nameOf(file.getOriginalFilename()),
                file.getContentType() == null ? "" : file.getContentType(),
                file.getBytes());
        return ResponseEntity.ok().eTag(Etags.of(saved.version())).body(ProductJson.of(saved));
    }

    @PutMapping(
            path = PRODUCTS + "/{id}/cover",
            consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE, "image/webp"})
    @Operation(summary = "Upload a cover image as the raw request body")
    ResponseEntity<ProductJson> uploadCoverRaw(
            @PathVariable UUID id,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestParam(required = false) @Nullable String fileName,
            @RequestBody byte[] image) {
        Product saved = catalog.uploadCover(id, nameOf(fileName), contentType, image);
        return ResponseEntity.ok().eTag(Etags.of(saved.version())).body(ProductJson.of(saved));
    }

    private static String nameOf(@Nullable String fileName) {
        return fileName == null ? "" : fileName;
    }

    record ProductRequest(
            @Nullable String kind,
            @Nullable String title,
            @Nullable String summary,
            @Nullable String description,
            @Nullable Long priceMinor,
            @Nullable String billingInterval,
            @Nullable Integer trialDays,
            @Nullable Integer pageCount,
            @Nullable Boolean active,
            @Nullable Integer position) {

        @SuppressWarnings("NullAway") // a missing kind or title is reported by the catalog's rules, by field
        ProductDraft toDraft() {
            return new ProductDraft(
                    kind(kind),
                    title,
                    summary,
                    description,
                    priceMinor == null ? 0 : priceMinor,
                    billingInterval,
                    trialDays,
                    pageCount,
                    active == null || active,
                    position == null ? 0 : position);
        }

        private static @Nullable OfferKind kind(@Nullable String kind) {
            if (kind == null || kind.isBlank()) {
                return null;
            }
            try {
                return OfferKind.fromDb(kind.strip().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidCatalogInputException(
                        "product",
                        List.of(new FieldProblem(
                                "kind",
                                "'" + kind + "' is not a kind of product: use guide, custom_plan or coaching.")));
            }
        }
    }

    record ProductJson(
            UUID id,
            String kind,
            String title,
            String summary,
            @Nullable String description,
            long priceMinor,
            String currency,
            @Nullable String billingInterval,
            @Nullable Integer trialDays,
            @Nullable Integer pageCount,
            boolean active,
            int position,
            boolean hasGuideFile,
            boolean hasCover,
            @Nullable String coverUrl,
            boolean synced,
            @Nullable String syncError,
            @Nullable Instant syncedAt,
            int version) {

        static ProductJson of(Product p) {
            return new ProductJson(
                    p.id(),
                    p.kind().dbValue(),
                    p.title(),
                    p.summary(),
                    p.description(),
                    p.priceMinor(),
                    p.currency(),
                    p.billingInterval(),
                    p.trialDays(),
                    p.pageCount(),
                    p.active(),
                    p.position(),
                    p.hasGuideFile(),
                    p.hasCover(),
                    p.hasCover() ? OfferCoverController.path(TenantContext.require(), p.id(), p.version()) : null,
                    p.synced(),
                    p.syncError(),
                    p.syncedAt(),
                    p.version());
        }
    }
}
