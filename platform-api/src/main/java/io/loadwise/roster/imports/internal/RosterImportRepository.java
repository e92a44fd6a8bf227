package io.loadwise.roster.imports.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.CLIENT_COACHES;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.ROSTER_IMPORTS;

import io.loadwise.jooq.tables.records.RosterImportsRecord;
import io.loadwise.roster.imports.ImportRow;
import io.loadwise.roster.imports.ImportStatus;
import io.loadwise.roster.imports.RosterImport;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record6;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Roster imports and the roster rows they create. Row level security scopes everything to the
 * transaction's tenant; inserts take the tenant from the same binding.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class RosterImportRepository {

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;

    RosterImportRepository(DSLContext db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Set<String> emailsOnRoster(Collection<String> emails) {
        return Set.copyOf(db.select(CLIENTS.EMAIL)
                .from(CLIENTS)
                .where(CLIENTS.EMAIL.in(emails))
                .fetch(CLIENTS.EMAIL));
    }

    public RosterImport insert(UUID createdBy, List<ImportRow> rows) {
        OffsetDateTime now = now();
        UUID id = Ids.newId(clock);
        db.insertInto(ROSTER_IMPORTS)
                .set(ROSTER_IMPORTS.TENANT_ID, TenantContext.require().value())
                .set(ROSTER_IMPORTS.ID, id)
                .set(ROSTER_IMPORTS.CREATED_BY, createdBy)
                .set(ROSTER_IMPORTS.CREATED_AT, now)
                .set(ROSTER_IMPORTS.STATUS, ImportStatus.VALIDATED.dbValue())
                .set(ROSTER_IMPORTS.TOTAL_ROWS, rows.size())
                .set(ROSTER_IMPORTS.VALID_ROWS, (int)
                        rows.stream().filter(ImportRow::ok).count())
                .set(ROSTER_IMPORTS.REPORT, report(rows))
                .execute();
        return find(id, true).orElseThrow();
    }

    /** @param lock whether to lock the row for the rest of the transaction (one batch at a time) */
    public Optional<RosterImport> find(UUID id, boolean lock) {
        var query = db.selectFrom(ROSTER_IMPORTS).where(ROSTER_IMPORTS.ID.eq(id));
        return (lock ? query.forUpdate().fetchOptional() : query.fetchOptional()).map(this::toImport);
    }

    public Optional<UUID> createdBy(UUID id) {
        return db.select(ROSTER_IMPORTS.CREATED_BY)
                .from(ROSTER_IMPORTS)
                .where(ROSTER_IMPORTS.ID.eq(id))
                .fetchOptional(ROSTER_IMPORTS.CREATED_BY);
    }

    public void update(UUID id, ImportStatus status, List<ImportRow> rows, boolean finished) {
        int imported = (int) rows.stream()
                .filter(r -> ImportRow.IMPORTED.equals(r.outcome()))
                .count();
        db.update(ROSTER_IMPORTS)
                .set(ROSTER_IMPORTS.STATUS, status.dbValue())
                .set(ROSTER_IMPORTS.REPORT, report(rows))
                .set(ROSTER_IMPORTS.IMPORTED_ROWS, imported)
                .set(ROSTER_IMPORTS.FINISHED_AT, finished ? now() : null)
                .where(ROSTER_IMPORTS.ID.eq(id))
                .execute();
    }

    /**
     * Adds a client without an account. An address that reached the roster since validation is
     * left alone (the unique constraint decides, so concurrent imports cannot both add it).
     *
     * @return whether the client was added
     */
    public boolean addClient(ImportRow row, @Nullable UUID leadCoach) {
        OffsetDateTime now = now();
        return db.insertInto(CLIENTS)
                        .set(CLIENTS.TENANT_ID, TenantContext.require().value())
                        .set(CLIENTS.ID, Ids.newId(clock))
                        .set(CLIENTS.COACH_ID, leadCoach)
                        .set(CLIENTS.DISPLAY_NAME, row.name())
                        .set(CLIENTS.EMAIL, row.email())
                        .set(CLIENTS.STATUS, row.status())
                        .set(CLIENTS.GOAL, row.goal())
                        .set(CLIENTS.TAGS, row.tags().toArray(String[]::new))
                        .set(CLIENTS.WEEKLY_VOLUME_KM, row.weeklyKm())
                        .set(CLIENTS.CREATED_AT, now)
                        .set(CLIENTS.UPDATED_AT, now)
                        .onConflictOnConstraint(DSL.name("clients_email_key"))
                        .doNothing()
                        .execute()
                == 1;
    }

    /** The member id and role of a signed-in user in the bound tenant. */
    public Optional<Member> member(UUID userId) {
        return db.select(MEMBERS.ID, MEMBERS.ROLE)
                .from(MEMBERS)
                .where(MEMBERS.USER_ID.eq(userId), MEMBERS.REMOVED_AT.isNull())
                .fetchOptional(r -> new Member(r.value1(), r.value2()));
    }

    /**
     * The roster a coach sees (every client for the owner, else the clients they lead or co-coach),
     * erased clients left out, by name.
     */
    public void forEachVisibleClient(
            @Nullable UUID coachMemberId,
            Consumer<Record6<String, String, String, String[], String, java.math.BigDecimal>> action) {
        Condition visible = coachMemberId == null
                ? DSL.noCondition()
                : CLIENTS.COACH_ID
                        .eq(coachMemberId)
                        .or(DSL.exists(DSL.selectOne()
                                .from(CLIENT_COACHES)
                                .where(
                                        CLIENT_COACHES.CLIENT_ID.eq(CLIENTS.ID),
                                        CLIENT_COACHES.COACH_ID.eq(coachMemberId))));
        db.select(
                        CLIENTS.EMAIL,
                        CLIENTS.DISPLAY_NAME,
                        CLIENTS.STATUS,
                        CLIENTS.TAGS,
                        CLIENTS.GOAL,
                        CLIENTS.WEEKLY_VOLUME_KM)
                .from(CLIENTS)
                .where(visible, CLIENTS.ERASED_AT.isNull())
                .orderBy(CLIENTS.DISPLAY_NAME, CLIENTS.ID)
                .fetchSize(500)
                .forEach(action);
    }

    private RosterImport toImport(RosterImportsRecord r) {
        List<ImportRow> rows =
                json.readValue(r.getReport().data(), Report.class).rows();
        int skipped = (int) rows.stream()
                .filter(row -> row.outcome() != null && !ImportRow.IMPORTED.equals(row.outcome()))
                .count();
        return new RosterImport(
                r.getId(),
                ImportStatus.fromDb(r.getStatus()),
                r.getTotalRows(),
                r.getValidRows(),
                r.getImportedRows(),
                skipped,
                rows,
                r.getCreatedAt().toInstant(),
                r.getFinishedAt() == null ? null : r.getFinishedAt().toInstant());
    }

    private JSONB report(List<ImportRow> rows) {
        return JSONB.valueOf(json.writeValueAsString(new Report(rows)));
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** The stored report: the validated rows, each with its outcome once imported. */
    record Report(List<ImportRow> rows) {}

    public record Member(UUID id, String role) {
        public boolean owner() {
            return "owner".equals(role);
        }
    }
}
