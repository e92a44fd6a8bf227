package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.CLIENT_FLAGS;

import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Roster flags (pain spike, missed sessions): derived from health data, so erased with it. */
@Component
class FlagData implements PersonalData {

    private final DSLContext db;

    FlagData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String category() {
        return "flags";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public Object export(ClientId client) {
        return db.selectFrom(CLIENT_FLAGS)
                .where(CLIENT_FLAGS.CLIENT_ID.eq(client.value()))
                .orderBy(CLIENT_FLAGS.RAISED_AT, CLIENT_FLAGS.KIND)
                .fetch(r -> new Flag(
                        r.getKind(),
                        r.getDetail(),
                        r.getSeverity(),
                        r.getRaisedAt().toInstant()));
    }

    @Override
    public int erase(ClientId client) {
        return db.deleteFrom(CLIENT_FLAGS)
                .where(CLIENT_FLAGS.CLIENT_ID.eq(client.value()))
                .execute();
    }

    record Flag(String kind, String detail, int severity, Instant raisedAt) {}
}
