package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.ROSTER_IMPORTS;

import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Roster import reports keep every row of an uploaded file, so a client imported from a CSV has a
 * copy of her name and address there: exported with her data, blanked by her erasure. Runs before
 * the profile is anonymized, while her address still identifies her rows. Reads the reports'
 * stored shape ({@code {"rows": [{"email": ..., "name": ...}]}}) directly, like the other categories.
 */
@Component
class ImportReportData implements PersonalData {

    private final DSLContext db;
    private final JsonMapper json;

    ImportReportData(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
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
        List<JsonNode> rows = new ArrayList<>();
        for (var report : reportsMentioning(email, false)) {
            for (JsonNode row : json.readTree(report.value2().data()).path("rows")) {
                if (email.equals(row.path("email").asString())) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    @Override
    public int erase(ClientId client) {
        String email = email(client);
        int blanked = 0;
        for (var report : reportsMentioning(email, true)) {
            JsonNode document = json.readTree(report.value2().data());
            for (JsonNode row : document.path("rows")) {
                if (row instanceof ObjectNode fields
                        && email.equals(fields.path("email").asString())) {
                    fields.put("email", "");
                    fields.put("name", "");
                    fields.putArray("tags");
                    fields.putNull("goal");
                    fields.putNull("weeklyKm");
                    blanked++;
                }
            }
            db.update(ROSTER_IMPORTS)
                    .set(ROSTER_IMPORTS.REPORT, JSONB.valueOf(json.writeValueAsString(document)))
                    .where(ROSTER_IMPORTS.ID.eq(report.value1()))
                    .execute();
        }
        return blanked;
    }

    private List<org.jooq.Record2<java.util.UUID, JSONB>> reportsMentioning(String email, boolean lock) {
        var query = db.select(ROSTER_IMPORTS.ID, ROSTER_IMPORTS.REPORT)
                .from(ROSTER_IMPORTS)
                .where(DSL.condition("{0}::text like {1}", ROSTER_IMPORTS.REPORT, DSL.val("%\"" + email + "\"%")));
        return lock ? query.forUpdate().fetch() : query.fetch();
    }

    private String email(ClientId client) {
        return db.select(CLIENTS.EMAIL)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client.value()))
                .fetchSingle(CLIENTS.EMAIL);
    }
}
