package io.loadwise.roster.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A roster import: its per-row report and, once confirmed, its progress.
 *
 * @param totalRows rows below the header
 * @param validRows rows without errors: what confirming imports
 * @param importedRows good rows imported so far
 * @param skippedRows good rows not imported because the roster changed since validation
 */
public record RosterImport(
        UUID id,
        ImportStatus status,
        int totalRows,
        int validRows,
        int importedRows,
        int skippedRows,
        List<ImportRow> rows,
        Instant createdAt,
        @Nullable Instant finishedAt) {

    public RosterImport {
        rows = List.copyOf(rows);
    }

    /** Share of the good rows handled so far, 0 to 1. */
    public double progress() {
        return validRows == 0 ? 1.0 : Math.min(1.0, (importedRows + skippedRows) / (double) validRows);
    }

    public int invalidRows() {
        return totalRows - validRows;
    }
}
