package io.loadwise.tenancy.web;

import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.InvalidTenantSettingException;
import io.loadwise.tenancy.LogoRejectedException;
import io.loadwise.tenancy.SlugTakenException;
import io.loadwise.tenancy.TenantSettings;
import io.loadwise.tenancy.TenantSettingsChange;
import io.loadwise.tenancy.TenantSettingsService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The business settings API. ETags and problem types follow {@code io.loadwise.web.Etags} and
 * {@code Problems}, written out here because the web module depends on tenancy (a module cycle).
 */
@RestController
@RequestMapping("/api/v1/tenant")
class TenantController {

    private final TenantSettingsService settings;

    TenantController(TenantSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The caller's coaching business: its settings and branding (owner only)")
    ResponseEntity<TenantView> get() {
        return withEtag(settings.current());
    }

    @PutMapping
    @Operation(
            summary = "Change the business's name, storefront address, brand colour, currency, time zone, language",
            description = "Owner only. Send the ETag of your last read in If-Match.")
    ResponseEntity<TenantView> update(
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody TenantUpdate update) {
        int version = requireVersion(ifMatch);
        return withEtag(settings.update(
                version,
                new TenantSettingsChange(
                        orEmpty(update.name()),
                        orEmpty(update.slug()),
                        update.brandColor(),
                        orEmpty(update.currency()),
                        orEmpty(update.timeZone()),
                        orEmpty(update.locale()))));
    }

    @PutMapping("/logo")
    @Operation(
            summary = "Upload the storefront logo",
            description = "The request body is the image: PNG, JPEG or WebP, at most 512 KiB. SVG is refused.")
    ResponseEntity<TenantView> uploadLogo(HttpServletRequest request) throws IOException {
        return withEtag(settings.setLogo(readAtMost(request, TenantSettingsService.MAX_LOGO_BYTES + 1)));
    }

    @DeleteMapping("/logo")
    @Operation(summary = "Remove the storefront logo")
    ResponseEntity<TenantView> deleteLogo() {
        return withEtag(settings.removeLogo());
    }

    /** Reads no more than {@code limit} bytes, so an oversized upload costs no more memory than that. */
    private static byte[] readAtMost(HttpServletRequest request, int limit) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return body.readNBytes(limit);
        }
    }

    @ExceptionHandler(InvalidTenantSettingException.class)
    ProblemDetail invalid(InvalidTenantSettingException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid setting", e.getMessage(), "invalid-setting");
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(SlugTakenException.class)
    ProblemDetail slugTaken(SlugTakenException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Address taken", e.getMessage(), "slug-taken");
        problem.setProperty("field", "slug");
        return problem;
    }

    @ExceptionHandler(LogoRejectedException.class)
    ProblemDetail logoRejected(LogoRejectedException e) {
        return e.tooLarge()
                ? problem(HttpStatus.CONTENT_TOO_LARGE, "Logo too large", e.getMessage(), "logo-too-large")
                : problem(HttpStatus.BAD_REQUEST, "Not a supported image", e.getMessage(), "logo-type");
    }

    private static ResponseEntity<TenantView> withEtag(TenantSettings s) {
        return ResponseEntity.ok().eTag("\"" + s.version() + "\"").body(TenantView.of(s));
    }

    private static int requireVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ResponseStatusException(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "Send the ETag you read in an If-Match header, so that a concurrent change is not overwritten.");
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new StaleVersionException("business's settings", -1, -1);
        }
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String slug) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://loadwise.io/problems/" + slug));
        return problem;
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    record TenantUpdate(
            @Nullable String name,
            @Nullable String slug,
            @Nullable String brandColor,
            @Nullable String currency,
            @Nullable String timeZone,
            @Nullable String locale) {}

    record TenantView(
            UUID id,
            String name,
            String slug,
            @Nullable String brandColor,
            String currency,
            String timeZone,
            String locale,
            String status,
            int version,
            @Nullable String logoUrl,
            @Nullable Instant logoUpdatedAt) {

        static TenantView of(TenantSettings s) {
            return new TenantView(
                    s.id().value(),
                    s.name(),
                    s.slug(),
                    s.brandColor(),
                    s.currency(),
                    s.timeZone(),
                    s.locale(),
                    s.status().dbValue(),
                    s.version(),
                    s.logoUpdatedAt() == null ? null : TenantLogoController.path(s.id(), s.logoUpdatedAt()),
                    s.logoUpdatedAt());
        }
    }
}
