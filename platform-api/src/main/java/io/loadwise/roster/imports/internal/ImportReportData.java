package io.loadwise.roster.imports.internal;

import static io.loadwise.jooq.Tables.CLIENTS;

import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.imports.ImportRow;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Import reports keep each row of a file as it was uploaded, so a client imported from a CSV has a
 * copy of her name and address there: exported with her data and blanked by her erasure. Runs
 * before the profile is anonymized, while her address still identifies her rows.
 */
@Component
class ImportReportData implements PersonalData {

    private final DSLContext db;
    private final RosterImportRepository imports;

    ImportReportData(DSLContext db, RosterImportRepository imports) {
        this.db = db;
        this.imports = imports;
    }

    @Override
    public String category() {
        return "importReports";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Object export(ClientId client) {
        String email = email(client);
        List<ImportRow> rows = new ArrayList<>();
        for (var id : imports.importsMentioning(email)) {
            imports.find(id, false).ifPresent(i -> i.rows().stream()
                    .filter(r -> r.email().equals(email))
                    .forEach(rows::add));
        }
        return rows;
    }

    @Override
    public int erase(ClientId client) {
        String email = email(client);
        int blanked = 0;
        for (var id : imports.importsMentioning(email)) {
            var found = imports.find(id, true);
            if (found.isEmpty()) {
                continue;
            }
            List<ImportRow> rows = new ArrayList<>();
            for (ImportRow row : found.get().rows()) {
                if (row.email().equals(email)) {
                    rows.add(new ImportRow(
                            row.row(), "", "", row.status(), List.of(), null, null, row.errors(), row.outcome()));
                    blanked++;
                } else {
                    rows.add(row);
                }
            }
            imports.replaceRows(id, rows);
        }
        return blanked;
    }

    private String email(ClientId client) {
        return db.select(CLIENTS.EMAIL)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client.value()))
                .fetchSingle(CLIENTS.EMAIL);
    }
}
