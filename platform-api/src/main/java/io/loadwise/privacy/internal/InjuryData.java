package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.CLIENT_INJURIES;

import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Injury history: health data. */
@Component
class InjuryData implements PersonalData {

    private final DSLContext db;

    InjuryData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String category() {
        return "injuries";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Object export(ClientId client) {
        return db.selectFrom(CLIENT_INJURIES)
                .where(CLIENT_INJURIES.CLIENT_ID.eq(client.value()))
                .orderBy(CLIENT_INJURIES.CREATED_AT, CLIENT_INJURIES.ID)
                .fetch(r -> new Injury(
                        r.getCondition(),
                        r.getSide(),
                        r.getSince(),
                        r.getResolvedOn(),
                        r.getNotes(),
                        r.getCreatedAt().toInstant()));
    }

    @Override
    public int erase(ClientId client) {
        return db.deleteFrom(CLIENT_INJURIES)
                .where(CLIENT_INJURIES.CLIENT_ID.eq(client.value()))
                .execute();
    }

    record Injury(
            String condition,
            String side,
            @Nullable LocalDate since,
            @Nullable LocalDate resolvedOn,
            @Nullable String notes,
            Instant recordedAt) {}
}
