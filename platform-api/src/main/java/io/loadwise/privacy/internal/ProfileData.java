package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.jooq.tables.records.ClientsRecord;
import io.loadwise.privacy.PersonalData;
import io.loadwise.roster.ClientId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The roster entry: name, address, status, goal, tags, athlete profile, lead coach. Erasure keeps the
 * row, anonymized, because other records (later orders and invoices) refer to it.
 */
@Component
class ProfileData implements PersonalData {

    static final String ERASED_NAME = "Erased client";

    private final DSLContext db;
    private final Clock clock;

    ProfileData(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public String category() {
        return "profile";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Object export(ClientId client) {
        ClientsRecord row =
                db.selectFrom(CLIENTS).where(CLIENTS.ID.eq(client.value())).fetchSingle();
        String leadCoach = row.getCoachId() == null
                ? null
                : db.select(MEMBERS.DISPLAY_NAME)
                        .from(MEMBERS)
                        .where(MEMBERS.ID.eq(row.getCoachId()))
                        .fetchOne(MEMBERS.DISPLAY_NAME);
        return new Profile(
                row.getId().toString(),
                row.getDisplayName(),
                row.getEmail(),
                row.getStatus(),
                row.getGoal(),
                Arrays.asList(row.getTags()),
                row.getAgeGroup(),
                row.getMenopausalStatus(),
                row.getWeeklyVolumeKm(),
                row.getRaces(),
                leadCoach,
                row.getCreatedAt().toInstant(),
                row.getErasedAt() == null ? null : row.getErasedAt().toInstant());
    }

    @Override
    public int erase(ClientId client) {
        return db.update(CLIENTS)
                .set(CLIENTS.DISPLAY_NAME, ERASED_NAME)
                .set(CLIENTS.EMAIL, erasedAddress(client.value().toString()))
                .set(CLIENTS.STATUS, "alumni")
                .set(CLIENTS.GOAL, (String) null)
                .set(CLIENTS.TAGS, new String[0])
                .set(CLIENTS.AGE_GROUP, (String) null)
                .set(CLIENTS.MENOPAUSAL_STATUS, (String) null)
                .set(CLIENTS.WEEKLY_VOLUME_KM, (BigDecimal) null)
                .set(CLIENTS.RACES, (String) null)
                .set(CLIENTS.ERASED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(CLIENTS.UPDATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(CLIENTS.VERSION, CLIENTS.VERSION.plus(1))
                .where(CLIENTS.ID.eq(client.value()))
                .execute();
    }

    /** Unique per row and in a reserved domain (RFC 2606), so constraints hold and nothing is ever mailed. */
    static String erasedAddress(String id) {
        return "erased+" + id + "@invalid.example";
    }

    record Profile(
            String id,
            String name,
            String email,
            String status,
            @Nullable String goal,
            List<String> tags,
            @Nullable String ageGroup,
            @Nullable String menopausalStatus,
            @Nullable BigDecimal weeklyVolumeKm,
            @Nullable String races,
            @Nullable String leadCoach,
            Instant onRosterSince,
            @Nullable Instant erasedAt) {}
}
