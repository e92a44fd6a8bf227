package io.loadwise.roster.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.CLIENT_CONSENTS;
import static io.loadwise.jooq.Tables.CLIENT_FLAGS;
import static io.loadwise.jooq.Tables.CLIENT_INJURIES;
import static io.loadwise.jooq.Tables.MEMBERS;

import io.loadwise.jooq.tables.Members;
import io.loadwise.roster.AgeGroup;
import io.loadwise.roster.ClientFlag;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.ClientProfile;
import io.loadwise.roster.ClientStatus;
import io.loadwise.roster.CoachRef;
import io.loadwise.roster.ConsentState;
import io.loadwise.roster.Injury;
import io.loadwise.roster.InjuryDetails;
import io.loadwise.roster.InjurySide;
import io.loadwise.roster.MenopausalStatus;
import io.loadwise.roster.OwnProfileChanges;
import io.loadwise.roster.ProfileChanges;
import io.loadwise.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Client profiles: the clients row with its coaches, injuries, consents and flags. Updates are
 * conditional on the version read, so a concurrent change is detected instead of overwritten.
 */
@Repository
public class ClientProfileRepository {

    /** The consent purpose of {@code client_consents} for menopausal status. */
    public static final String MENOPAUSAL_STATUS = "menopausal_status";

    private static final Members LEAD = MEMBERS.as("lead");

    private final DSLContext db;

    ClientProfileRepository(DSLContext db) {
        this.db = db;
    }

    public Optional<ClientProfile> profile(ClientId client) {
        Record row = db.select(CLIENTS.asterisk(), LEAD.ID, LEAD.DISPLAY_NAME)
                .from(CLIENTS)
                .leftJoin(LEAD)
                .on(LEAD.TENANT_ID.eq(CLIENTS.TENANT_ID), LEAD.ID.eq(CLIENTS.COACH_ID))
                .where(CLIENTS.ID.eq(client.value()))
                .fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        ConsentState consent = consent(client);
        String menopausal = row.get(CLIENTS.MENOPAUSAL_STATUS);
        return Optional.of(new ClientProfile(
                client,
                row.get(CLIENTS.DISPLAY_NAME),
                row.get(CLIENTS.EMAIL),
                ClientStatus.fromDb(row.get(CLIENTS.STATUS)),
                row.get(LEAD.ID) == null ? null : new CoachRef(row.get(LEAD.ID), row.get(LEAD.DISPLAY_NAME)),
                coCoaches(client),
                Arrays.asList(row.get(CLIENTS.TAGS)),
                row.get(CLIENTS.GOAL),
                ageGroup(row.get(CLIENTS.AGE_GROUP)),
                // Defence in depth: withdrawal clears the column, and without consent it is never shown.
                consent.granted() && menopausal != null ? MenopausalStatus.parse(menopausal) : null,
                consent,
                row.get(CLIENTS.WEEKLY_VOLUME_KM),
                row.get(CLIENTS.RACES),
                injuries(client),
                flags(client),
                row.get(CLIENTS.VERSION)));
    }

    public Optional<Integer> version(ClientId client) {
        return db.select(CLIENTS.VERSION)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client.value()))
                .fetchOptional(CLIENTS.VERSION);
    }

    /** @return whether the row was at {@code expectedVersion} (and so was updated) */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean update(ClientId client, int expectedVersion, ProfileChanges changes, OffsetDateTime now) {
        Map<Field<?>, @Nullable Object> values = ownFields(
                changes.displayName(),
                changes.goal(),
                changes.ageGroup(),
                changes.menopausalStatus(),
                changes.weeklyVolumeKm(),
                changes.races());
        values.put(CLIENTS.STATUS, changes.status().dbValue());
        values.put(CLIENTS.TAGS, changes.tags().toArray(String[]::new));
        return updateAtVersion(client, expectedVersion, values, now);
    }

    /** @return whether the row was at {@code expectedVersion} (and so was updated) */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean updateOwn(ClientId client, int expectedVersion, OwnProfileChanges changes, OffsetDateTime now) {
        return updateAtVersion(
                client,
                expectedVersion,
                ownFields(
                        changes.displayName(),
                        changes.goal(),
                        changes.ageGroup(),
                        changes.menopausalStatus(),
                        changes.weeklyVolumeKm(),
                        changes.races()),
                now);
    }

    /** The fields a client edits herself; a coach edits these and more. */
    private static Map<Field<?>, @Nullable Object> ownFields(
            String displayName,
            @Nullable String goal,
            @Nullable AgeGroup ageGroup,
            @Nullable MenopausalStatus menopausalStatus,
            @Nullable BigDecimal weeklyVolumeKm,
            @Nullable String races) {
        Map<Field<?>, @Nullable Object> values = new LinkedHashMap<>();
        values.put(CLIENTS.DISPLAY_NAME, displayName);
        values.put(CLIENTS.GOAL, goal);
        values.put(CLIENTS.AGE_GROUP, ageGroup == null ? null : ageGroup.dbValue());
        values.put(CLIENTS.MENOPAUSAL_STATUS, menopausalStatus == null ? null : menopausalStatus.dbValue());
        values.put(CLIENTS.WEEKLY_VOLUME_KM, weeklyVolumeKm);
        values.put(CLIENTS.RACES, races);
        return values;
    }

    /** Optimistic concurrency: writes only when the row is still at the version the caller read. */
    private boolean updateAtVersion(
            ClientId client, int expectedVersion, Map<Field<?>, @Nullable Object> values, OffsetDateTime now) {
        return db.update(CLIENTS)
                        .set(values)
                        .set(CLIENTS.VERSION, CLIENTS.VERSION.plus(1))
                        .set(CLIENTS.UPDATED_AT, now)
                        .where(CLIENTS.ID.eq(client.value()), CLIENTS.VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    /** Members among {@code ids} who may coach: owner or coach, not removed. */
    public Set<UUID> activeCoaches(Collection<UUID> ids) {
        return Set.copyOf(db.select(MEMBERS.ID)
                .from(MEMBERS)
                .where(MEMBERS.ID.in(ids), MEMBERS.ROLE.in("owner", "coach"), MEMBERS.REMOVED_AT.isNull())
                .fetch(MEMBERS.ID));
    }

    /** @return whether the row was at {@code expectedVersion} (and so was updated) */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean assignCoaches(
            ClientId client, int expectedVersion, @Nullable UUID lead, List<UUID> coCoaches, OffsetDateTime now) {
        boolean updated = db.update(CLIENTS)
                        .set(CLIENTS.COACH_ID, lead)
                        .set(CLIENTS.VERSION, CLIENTS.VERSION.plus(1))
                        .set(CLIENTS.UPDATED_AT, now)
                        .where(CLIENTS.ID.eq(client.value()), CLIENTS.VERSION.eq(expectedVersion))
                        .execute()
                == 1;
        if (!updated) {
            return false;
        }
        db.deleteFrom(CLIENT_COACHES)
                .where(CLIENT_COACHES.CLIENT_ID.eq(client.value()))
                .execute();
        UUID tenant = TenantContext.require().value();
        for (UUID coach : coCoaches) {
            db.insertInto(CLIENT_COACHES)
                    .set(CLIENT_COACHES.TENANT_ID, tenant)
                    .set(CLIENT_COACHES.CLIENT_ID, client.value())
                    .set(CLIENT_COACHES.COACH_ID, coach)
                    .set(CLIENT_COACHES.ASSIGNED_AT, now)
                    .execute();
        }
        return true;
    }

    public List<Injury> injuries(ClientId client) {
        return db.selectFrom(CLIENT_INJURIES)
                .where(CLIENT_INJURIES.CLIENT_ID.eq(client.value()))
                .orderBy(CLIENT_INJURIES.SINCE.desc().nullsLast(), CLIENT_INJURIES.CREATED_AT.desc())
                .fetch(r -> new Injury(
                        r.getId(),
                        r.getCondition(),
                        InjurySide.parse(r.getSide()),
                        r.getSince(),
                        r.getResolvedOn(),
                        r.getNotes()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void addInjury(ClientId client, UUID id, InjuryDetails injury, OffsetDateTime now) {
        db.insertInto(CLIENT_INJURIES)
                .set(CLIENT_INJURIES.TENANT_ID, TenantContext.require().value())
                .set(CLIENT_INJURIES.ID, id)
                .set(CLIENT_INJURIES.CLIENT_ID, client.value())
                .set(CLIENT_INJURIES.CONDITION, injury.condition())
                .set(CLIENT_INJURIES.SIDE, injury.side().dbValue())
                .set(CLIENT_INJURIES.SINCE, injury.since())
                .set(CLIENT_INJURIES.RESOLVED_ON, injury.resolvedOn())
                .set(CLIENT_INJURIES.NOTES, injury.notes())
                .set(CLIENT_INJURIES.CREATED_AT, now)
                .execute();
    }

    /** @return whether the client has that injury (and so it was changed) */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean updateInjury(ClientId client, UUID id, InjuryDetails injury) {
        return db.update(CLIENT_INJURIES)
                        .set(CLIENT_INJURIES.CONDITION, injury.condition())
                        .set(CLIENT_INJURIES.SIDE, injury.side().dbValue())
                        .set(CLIENT_INJURIES.SINCE, injury.since())
                        .set(CLIENT_INJURIES.RESOLVED_ON, injury.resolvedOn())
                        .set(CLIENT_INJURIES.NOTES, injury.notes())
                        .where(CLIENT_INJURIES.CLIENT_ID.eq(client.value()), CLIENT_INJURIES.ID.eq(id))
                        .execute()
                == 1;
    }

    /** @return whether the client had that injury */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean removeInjury(ClientId client, UUID id) {
        return db.deleteFrom(CLIENT_INJURIES)
                        .where(CLIENT_INJURIES.CLIENT_ID.eq(client.value()), CLIENT_INJURIES.ID.eq(id))
                        .execute()
                == 1;
    }

    /** The client's menopausal-status consent: the active one, else the last withdrawn, else none. */
    public ConsentState consent(ClientId client) {
        return db.selectFrom(CLIENT_CONSENTS)
                .where(CLIENT_CONSENTS.CLIENT_ID.eq(client.value()), CLIENT_CONSENTS.PURPOSE.eq(MENOPAUSAL_STATUS))
                .orderBy(CLIENT_CONSENTS.WITHDRAWN_AT.desc().nullsFirst(), CLIENT_CONSENTS.GRANTED_AT.desc())
                .limit(1)
                .fetchOptional()
                .map(r -> r.getWithdrawnAt() == null
                        ? new ConsentState(
                                true, r.getWording(), r.getGrantedAt().toInstant(), null)
                        : new ConsentState(
                                false,
                                ConsentState.MENOPAUSAL_STATUS_WORDING,
                                null,
                                r.getWithdrawnAt().toInstant()))
                .orElse(new ConsentState(false, ConsentState.MENOPAUSAL_STATUS_WORDING, null, null));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void grantConsent(ClientId client, UUID id, String wording, UUID grantedBy, OffsetDateTime now) {
        db.insertInto(CLIENT_CONSENTS)
                .set(CLIENT_CONSENTS.TENANT_ID, TenantContext.require().value())
                .set(CLIENT_CONSENTS.ID, id)
                .set(CLIENT_CONSENTS.CLIENT_ID, client.value())
                .set(CLIENT_CONSENTS.PURPOSE, MENOPAUSAL_STATUS)
                .set(CLIENT_CONSENTS.WORDING, wording)
                .set(CLIENT_CONSENTS.GRANTED_AT, now)
                .set(CLIENT_CONSENTS.GRANTED_BY, grantedBy)
                .execute();
    }

    /**
     * Ends the active consent, keeping its row as the record, and deletes the data it covered.
     *
     * @return whether there was an active consent
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean withdrawConsent(ClientId client, OffsetDateTime now) {
        int withdrawn = db.update(CLIENT_CONSENTS)
                .set(CLIENT_CONSENTS.WITHDRAWN_AT, now)
                .where(
                        CLIENT_CONSENTS.CLIENT_ID.eq(client.value()),
                        CLIENT_CONSENTS.PURPOSE.eq(MENOPAUSAL_STATUS),
                        CLIENT_CONSENTS.WITHDRAWN_AT.isNull())
                .execute();
        db.update(CLIENTS)
                .set(CLIENTS.MENOPAUSAL_STATUS, (String) null)
                .set(CLIENTS.VERSION, CLIENTS.VERSION.plus(1))
                .set(CLIENTS.UPDATED_AT, now)
                .where(CLIENTS.ID.eq(client.value()))
                .execute();
        return withdrawn > 0;
    }

    public Optional<UUID> memberOfClient(ClientId client) {
        return db.select(CLIENTS.MEMBER_ID)
                .from(CLIENTS)
                .where(CLIENTS.ID.eq(client.value()), CLIENTS.MEMBER_ID.isNotNull())
                .fetchOptional(CLIENTS.MEMBER_ID);
    }

    private List<CoachRef> coCoaches(ClientId client) {
        return db.select(MEMBERS.ID, MEMBERS.DISPLAY_NAME)
                .from(CLIENT_COACHES)
                .join(MEMBERS)
                .on(MEMBERS.TENANT_ID.eq(CLIENT_COACHES.TENANT_ID), MEMBERS.ID.eq(CLIENT_COACHES.COACH_ID))
                .where(CLIENT_COACHES.CLIENT_ID.eq(client.value()))
                .orderBy(MEMBERS.DISPLAY_NAME)
                .fetch(r -> new CoachRef(r.value1(), r.value2()));
    }

    private List<ClientFlag> flags(ClientId client) {
        return db.selectFrom(CLIENT_FLAGS)
                .where(CLIENT_FLAGS.CLIENT_ID.eq(client.value()))
                .orderBy(CLIENT_FLAGS.SEVERITY.desc(), CLIENT_FLAGS.KIND)
                .fetch(r -> new ClientFlag(
                        r.getKind(),
                        r.getDetail(),
                        r.getSeverity(),
                        r.getRaisedAt().toInstant()));
    }

    private static @Nullable AgeGroup ageGroup(@Nullable String value) {
        return value == null ? null : AgeGroup.parse(value);
    }
}
