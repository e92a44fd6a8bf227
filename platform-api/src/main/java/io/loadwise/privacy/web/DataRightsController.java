package io.loadwise.privacy.web;

import io.loadwise.privacy.ClientExport;
import io.loadwise.privacy.PrivacyService;
import io.loadwise.roster.ClientId;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A client's data export and erasure, asked for by herself or by one of her coaches. */
@RestController
class DataRightsController {

    static final String EXPORT_DESCRIPTION = "A ZIP with data.json (profile, tags, injuries, consents with their"
            + " wording, intake answers, the message thread, coach notes, account) and CSV files of the logs"
            + " (messages.csv, intake.csv). Audited.";

    private final PrivacyService privacy;

    DataRightsController(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @GetMapping(value = "/api/v1/me/export", produces = "application/zip")
    @Operation(summary = "Download all my data", description = EXPORT_DESCRIPTION)
    ResponseEntity<byte[]> exportOwn() {
        return zip(privacy.exportOwn());
    }

    @GetMapping(value = "/api/v1/clients/{clientId}/export", produces = "application/zip")
    @Operation(summary = "Download all data of a client", description = EXPORT_DESCRIPTION)
    ResponseEntity<byte[]> exportClient(@PathVariable UUID clientId) {
        return zip(privacy.exportClient(new ClientId(clientId)));
    }

    @PostMapping("/api/v1/me/erasure")
    @Operation(
            summary = "Erase all my data",
            description = "Takes effect at once: personal and health data are removed everywhere and the login"
                    + " is deleted. Answers what was removed and what was kept, and why. Asking again is harmless.")
    ErasureSummaryView eraseOwn() {
        return ErasureSummaryView.of(privacy.eraseOwn());
    }

    @PostMapping("/api/v1/clients/{clientId}/erasure")
    @Operation(
            summary = "Erase a client's data",
            description = "As the client's own erasure: removes personal and health data and her login, keeps the"
                    + " anonymized roster row; answers what was removed and kept. Asking again is harmless.")
    ErasureSummaryView eraseClient(@PathVariable UUID clientId) {
        return ErasureSummaryView.of(privacy.eraseClient(new ClientId(clientId)));
    }

    static ResponseEntity<byte[]> zip(ClientExport export) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.fileName())
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export.archive());
    }
}
