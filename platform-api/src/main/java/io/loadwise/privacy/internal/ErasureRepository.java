package io.loadwise.privacy.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.ERASURES;

import io.loadwise.roster.ClientId;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Erasure records and the client row's erasure marker. */
@Repository
public class ErasureRepository {

    private final DSLContext db;
    private final Clock clock;

    ErasureRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Locks the client's row for the erasure, so two erasures of one client run one after the other.
     *
     * @return when the client was erased, if already; empty when not yet
     * @throws java.util.NoSuchElementException when the client does not exist
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<OffsetDateTime> lockClient(ClientId client) {
        return db.select(CLIENTS.ERASED_AT)
                                .from(CLIENTS)
                                .where(CLIENTS.ID.eq(client.value()))
                                .forUpdate()
                                .fetchSingle()
                                .value1()
                        instanceof OffsetDateTime erasedAt
                ? Optional.of(erasedAt)
                : Optional.empty();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(ClientId client, UUID requestedBy, Instant requestedAt, String removedJson, String keptJson) {
        db.insertInto(ERASURES)
                .set(ERASURES.TENANT_ID, TenantContext.require().value())
                .set(ERASURES.ID, Ids.newId(clock))
                .set(ERASURES.CLIENT_ID, client.value())
                .set(ERASURES.REQUESTED_BY, requestedBy)
                .set(ERASURES.REQUESTED_AT, requestedAt.atOffset(ZoneOffset.UTC))
                .set(ERASURES.COMPLETED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(ERASURES.REMOVED, JSONB.valueOf(removedJson))
                .set(ERASURES.KEPT, JSONB.valueOf(keptJson))
                .execute();
    }

    /** The first (the real) erasure of a client: removed and kept as JSON, and when it completed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Recorded> first(ClientId client) {
        return db.selectFrom(ERASURES)
                .where(ERASURES.CLIENT_ID.eq(client.value()))
                .orderBy(ERASURES.REQUESTED_AT, ERASURES.ID)
                .limit(1)
                .fetchOptional(r -> new Recorded(
                        r.getRemoved().data(),
                        r.getKept().data(),
                        (r.getCompletedAt() != null ? r.getCompletedAt() : r.getRequestedAt()).toInstant()));
    }

    public record Recorded(String removedJson, String keptJson, Instant completedAt) {}
}
