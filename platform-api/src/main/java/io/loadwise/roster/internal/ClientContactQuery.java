package io.loadwise.roster.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.roster.ClientContact;
import io.loadwise.roster.ClientId;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Repository;

/** Reads the contact of a client and of whoever coaches them; RLS scopes it to the tenant. */
@Repository
public class ClientContactQuery {

    private final DSLContext db;

    ClientContactQuery(DSLContext db) {
        this.db = db;
    }

    public Optional<ClientContact> contactOf(ClientId client) {
        var lead = MEMBERS.as("lead");
        return db.select(CLIENTS.DISPLAY_NAME, CLIENTS.EMAIL, lead.DISPLAY_NAME, lead.EMAIL, lead.REMOVED_AT)
                .from(CLIENTS)
                .leftJoin(lead)
                .on(lead.TENANT_ID.eq(CLIENTS.TENANT_ID), lead.ID.eq(CLIENTS.COACH_ID))
                .where(CLIENTS.ID.eq(client.value()), CLIENTS.ERASED_AT.isNull())
                .fetchOptional()
                .map(r -> {
                    boolean hasLead = r.value3() != null && r.value5() == null;
                    Optional<Record2<String, String>> coach = hasLead
                            ? Optional.of(db.newRecord(MEMBERS.DISPLAY_NAME, MEMBERS.EMAIL)
                                    .values(r.value3(), r.value4()))
                            : firstOwner();
                    return new ClientContact(
                            client,
                            r.value1(),
                            r.value2(),
                            coach.map(Record2::value1).orElse(null),
                            coach.map(Record2::value2).orElse(null));
                });
    }

    private Optional<Record2<String, String>> firstOwner() {
        return db.select(MEMBERS.DISPLAY_NAME, MEMBERS.EMAIL)
                .from(MEMBERS)
                .where(MEMBERS.ROLE.eq("owner"), MEMBERS.REMOVED_AT.isNull())
                .orderBy(MEMBERS.CREATED_AT, MEMBERS.ID)
                .limit(1)
                .fetchOptional();
    }
}
