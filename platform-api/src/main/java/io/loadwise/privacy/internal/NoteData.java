package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.CLIENT_NOTES;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Coach-private notes. Never shown in the portal, but they are personal data about the client, so
 * her own export includes them too (the right of access covers them; see ADR 0005).
 */
@Component
class NoteData implements PersonalData {

    private final DSLContext db;

    NoteData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String category() {
        return "coachNotes";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Object export(ClientId client) {
        return db.select(MEMBERS.DISPLAY_NAME, CLIENT_NOTES.BODY, CLIENT_NOTES.CREATED_AT, CLIENT_NOTES.UPDATED_AT)
                .from(CLIENT_NOTES)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(CLIENT_NOTES.TENANT_ID), MEMBERS.ID.eq(CLIENT_NOTES.AUTHOR_ID))
                .where(CLIENT_NOTES.CLIENT_ID.eq(client.value()))
                .orderBy(CLIENT_NOTES.CREATED_AT, CLIENT_NOTES.ID)
                .fetch(r -> new Note(
                        r.value1(),
                        r.value2(),
                        r.value3().toInstant(),
                        r.value4().toInstant()));
    }

    @Override
    public int erase(ClientId client) {
        return db.deleteFrom(CLIENT_NOTES)
                .where(CLIENT_NOTES.CLIENT_ID.eq(client.value()))
                .execute();
    }

    record Note(String author, String body, Instant createdAt, Instant updatedAt) {}
}
