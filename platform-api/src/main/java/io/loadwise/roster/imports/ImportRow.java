package io.loadwise.roster.imports;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of an import file as validated: what it says and what is wrong with it.
 *
 * @param row the row number as a spreadsheet shows it (the header is row 1)
 * @param errors why the row cannot be imported; empty for a good row
 * @param outcome after confirming: "imported", or why a good row was skipped; null before
 */
public record ImportRow(
        int row,
        String email,
        String name,
        String status,
        List<String> tags,
        @Nullable String goal,
        @Nullable BigDecimal weeklyKm,
        List<String> errors,
        @Nullable String outcome) {

    public static final String IMPORTED = "imported";

    public ImportRow {
        tags = List.copyOf(tags);
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public ImportRow withOutcome(String newOutcome) {
        return new ImportRow(row, email, name, status, tags, goal, weeklyKm, errors, newOutcome);
    }
}
