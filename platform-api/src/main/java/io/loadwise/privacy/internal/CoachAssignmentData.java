package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The coaches besides the lead coach, and since when. An erased client has no coaches any more. */
@Component
class CoachAssignmentData implements PersonalData {

    private final DSLContext db;

    CoachAssignmentData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String category() {
        return "coachAssignments";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public Object export(ClientId client) {
        return db.select(MEMBERS.DISPLAY_NAME, CLIENT_COACHES.ASSIGNED_AT)
                .from(CLIENT_COACHES)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(CLIENT_COACHES.TENANT_ID), MEMBERS.ID.eq(CLIENT_COACHES.COACH_ID))
                .where(CLIENT_COACHES.CLIENT_ID.eq(client.value()))
                .orderBy(CLIENT_COACHES.ASSIGNED_AT)
                .fetch(r -> new Assignment(r.value1(), r.value2().toInstant()));
    }

    @Override
    public int erase(ClientId client) {
        return db.deleteFrom(CLIENT_COACHES)
                .where(CLIENT_COACHES.CLIENT_ID.eq(client.value()))
                .execute();
    }

    record Assignment(String coach, Instant assignedAt) {}
}
