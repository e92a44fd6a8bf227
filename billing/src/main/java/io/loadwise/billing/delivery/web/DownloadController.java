package io.loadwise.billing.delivery.web;

import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.delivery.GuideDownloads;
import io.loadwise.billing.delivery.internal.StampedGuides;
import io.loadwise.billing.delivery.internal.StampedGuides.Delivery;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * {@code GET /downloads/{token}}: the stamped guide, or a small page saying why not and where a
 * fresh link comes from.
 */
@RestController
class DownloadController {

    private final StampedGuides guides;
    private final RefusalPage refusalPage;

    DownloadController(StampedGuides guides, StripeProperties properties) {
        this.guides = guides;
        this.refusalPage = new RefusalPage(
                properties.publicUrl().toString().replaceAll("/+$", "") + GuideDownloads.PURCHASES_PAGE);
    }

    @GetMapping(GuideDownloads.PATH_PREFIX + "{token}")
    @Operation(summary = "A purchased guide, stamped for its buyer (public: the signed link is the key)")
    ResponseEntity<byte[]> download(@PathVariable String token) {
        return switch (guides.serve(token)) {
            case Delivery.Served served ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .cacheControl(CacheControl.noStore())
                        .header("Content-Disposition", contentDisposition(fileName(served.guideTitle())))
                        .header("X-Content-Type-Options", "nosniff")
                        .body(served.pdf());
            case Delivery.Refused refused ->
                ResponseEntity.status(
                                refused.reason() == StampedGuides.Refusal.UNAVAILABLE
                                        ? HttpStatus.NOT_FOUND
                                        : HttpStatus.FORBIDDEN)
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noStore())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                        .body(refusalPage.render(refused).getBytes(StandardCharsets.UTF_8));
        };
    }

    /**
     * {@code attachment; filename="<title>.pdf"}; a title beyond ASCII also gets the RFC 6266
     * {@code filename*}, with a plain fallback for older clients.
     */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_");
        String header = "attachment; filename=\"" + ascii + "\"";
        if (ascii.equals(fileName)) {
            return header;
        }
        return header + "; filename*=UTF-8''" + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }

    /** The guide's title as a safe file name: no path separators, quotes or control characters. */
    static String fileName(String title) {
        String cleaned = title.replaceAll("[\\p{Cntrl}\"\\\\/:*?<>|]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        if (cleaned.length() > 120) {
            cleaned = cleaned.substring(0, 120).strip();
        }
        return (cleaned.isEmpty() ? "guide" : cleaned) + ".pdf";
    }
}
