package io.loadwise.roster.imports.web;

import io.loadwise.roster.imports.ImportNotPendingException;
import io.loadwise.roster.imports.ImportRow;
import io.loadwise.roster.imports.ImportTooLargeException;
import io.loadwise.roster.imports.RosterImport;
import io.loadwise.roster.imports.RosterImports;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/clients")
class RosterImportsController {

    private final RosterImports imports;

    RosterImportsController(RosterImports imports) {
        this.imports = imports;
    }

    @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Check a roster CSV: a report per row, nothing imported yet",
            description = "Multipart field 'file': UTF-8 (with or without BOM), comma or semicolon separated, header"
                    + " row first with the columns email, name, status, tags (separated by |), goal, weekly_km."
                    + " At most 2 MiB (413) and 5,000 rows (400). Row numbers count the header as row 1."
                    + " Confirm the import to add the good rows.")
    ResponseEntity<ImportView> validate(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > imports.limits().maxBytes()) {
            throw new ImportTooLargeException(file.getSize(), imports.limits().maxBytes());
        }
        RosterImport validated = imports.validate(file.getBytes());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(validated.id())
                        .toUri())
                .body(ImportView.of(validated));
    }

    @GetMapping("/imports/{importId}")
    @Operation(summary = "An import's per-row report and progress")
    ImportView get(@PathVariable UUID importId) {
        return ImportView.of(imports.get(importId));
    }

    @PostMapping("/imports/{importId}/confirm")
    @Operation(
            summary = "Import the good rows of a checked file",
            description = "Adds the rows without errors as roster clients without accounts (invite them later), in"
                    + " batches. Rows whose address reached the roster since the check are skipped and marked so."
                    + " Confirming again changes nothing.")
    ImportView confirm(@PathVariable UUID importId) {
        return ImportView.of(imports.confirm(importId));
    }

    @DeleteMapping("/imports/{importId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Discard a checked import")
    void discard(@PathVariable UUID importId) {
        imports.discard(importId);
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(
            summary = "The roster the caller sees, as CSV",
            description = "The import's columns, so the file imports back. Cells that a spreadsheet would run as a"
                    + " formula (starting with = + - @) are prefixed with an apostrophe.")
    void exportCsv(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("roster.csv").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.exportCsv(out);
    }

    @ExceptionHandler(ImportTooLargeException.class)
    ProblemDetail tooLarge(ImportTooLargeException e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "File too large", e.getMessage(), "import-too-large");
    }

    @ExceptionHandler(ImportNotPendingException.class)
    ProblemDetail notPending(ImportNotPendingException e) {
        return Problems.of(HttpStatus.CONFLICT, "Import not pending", e.getMessage(), "import-not-pending");
    }

    record ImportView(
            UUID id,
            String status,
            int totalRows,
            int validRows,
            int invalidRows,
            int importedRows,
            int skippedRows,
            List<ImportRow> rows,
            Instant createdAt,
            @Nullable Instant finishedAt) {

        static ImportView of(RosterImport i) {
            return new ImportView(
                    i.id(),
                    i.status().dbValue(),
                    i.totalRows(),
                    i.validRows(),
                    i.invalidRows(),
                    i.importedRows(),
                    i.skippedRows(),
                    i.rows(),
                    i.createdAt(),
                    i.finishedAt());
        }
    }
}
