package io.loadwise.roster.internal;

import static io.loadwise.jooq.Tables.CLIENT_NOTES;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientNote;
import io.loadwise.tenancy.TenantContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Coach-private notes about clients, newest first. */
@Repository
public class ClientNoteRepository {

    private final DSLContext db;

    ClientNoteRepository(DSLContext db) {
        this.db = db;
    }

    public List<ClientNote> notes(ClientId client) {
        return db.select(CLIENT_NOTES.asterisk(), MEMBERS.DISPLAY_NAME)
                .from(CLIENT_NOTES)
                .leftJoin(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(CLIENT_NOTES.TENANT_ID), MEMBERS.ID.eq(CLIENT_NOTES.AUTHOR_ID))
                .where(CLIENT_NOTES.CLIENT_ID.eq(client.value()))
                .orderBy(CLIENT_NOTES.CREATED_AT.desc(), CLIENT_NOTES.ID.desc())
                .fetch(ClientNoteRepository::toNote);
    }

    public Optional<ClientNote> note(ClientId client, UUID id) {
        return db.select(CLIENT_NOTES.asterisk(), MEMBERS.DISPLAY_NAME)
                .from(CLIENT_NOTES)
                .leftJoin(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(CLIENT_NOTES.TENANT_ID), MEMBERS.ID.eq(CLIENT_NOTES.AUTHOR_ID))
                .where(CLIENT_NOTES.CLIENT_ID.eq(client.value()), CLIENT_NOTES.ID.eq(id))
                .fetchOptional(ClientNoteRepository::toNote);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void add(ClientId client, UUID id, UUID author, String body, OffsetDateTime now) {
        db.insertInto(CLIENT_NOTES)
                .set(CLIENT_NOTES.TENANT_ID, TenantContext.require().value())
                .set(CLIENT_NOTES.ID, id)
                .set(CLIENT_NOTES.CLIENT_ID, client.value())
                .set(CLIENT_NOTES.AUTHOR_ID, author)
                .set(CLIENT_NOTES.BODY, body)
                .set(CLIENT_NOTES.CREATED_AT, now)
                .set(CLIENT_NOTES.UPDATED_AT, now)
                .execute();
    }

    /** @return whether the note was at {@code expectedVersion} (and so was updated) */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean update(ClientId client, UUID id, int expectedVersion, String body, OffsetDateTime now) {
        return db.update(CLIENT_NOTES)
                        .set(CLIENT_NOTES.BODY, body)
                        .set(CLIENT_NOTES.UPDATED_AT, now)
                        .set(CLIENT_NOTES.VERSION, CLIENT_NOTES.VERSION.plus(1))
                        .where(
                                CLIENT_NOTES.CLIENT_ID.eq(client.value()),
                                CLIENT_NOTES.ID.eq(id),
                                CLIENT_NOTES.VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    /** @return whether the client had that note */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean remove(ClientId client, UUID id) {
        return db.deleteFrom(CLIENT_NOTES)
                        .where(CLIENT_NOTES.CLIENT_ID.eq(client.value()), CLIENT_NOTES.ID.eq(id))
                        .execute()
                == 1;
    }

    private static ClientNote toNote(Record r) {
        return new ClientNote(
                r.get(CLIENT_NOTES.ID),
                new ClientId(r.get(CLIENT_NOTES.CLIENT_ID)),
                r.get(CLIENT_NOTES.AUTHOR_ID),
                r.get(MEMBERS.DISPLAY_NAME),
                r.get(CLIENT_NOTES.BODY),
                r.get(CLIENT_NOTES.CREATED_AT).toInstant(),
                r.get(CLIENT_NOTES.UPDATED_AT).toInstant(),
                r.get(CLIENT_NOTES.VERSION));
    }
}
