package io.loadwise.roster.internal;

import static io.loadwise.jooq.Tables.CLIENT_FLAGS;

import io.loadwise.jooq.tables.records.ClientFlagsRecord;
import io.loadwise.roster.ClientFlag;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ClientFlagRepository {

    private static final int MAX_DETAIL = 500;

    private final DSLContext db;

    ClientFlagRepository(DSLContext db) {
        this.db = db;
    }

    /** @return true when the flag was not up before (a new row), false when an existing one was refreshed */
    public boolean upsert(ClientId client, String kind, String detail, int severity, Instant at) {
        String text = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        // xmax is 0 on a freshly inserted row version and set on one ON CONFLICT updated.
        return db.insertInto(CLIENT_FLAGS)
                .set(CLIENT_FLAGS.TENANT_ID, TenantContext.require().value())
                .set(CLIENT_FLAGS.CLIENT_ID, client.value())
                .set(CLIENT_FLAGS.KIND, kind)
                .set(CLIENT_FLAGS.DETAIL, text)
                .set(CLIENT_FLAGS.SEVERITY, (short) severity)
                .set(CLIENT_FLAGS.RAISED_AT, at.atOffset(ZoneOffset.UTC))
                .onConflict(CLIENT_FLAGS.TENANT_ID, CLIENT_FLAGS.CLIENT_ID, CLIENT_FLAGS.KIND)
                .doUpdate()
                .set(CLIENT_FLAGS.DETAIL, text)
                .set(CLIENT_FLAGS.SEVERITY, (short) severity)
                .returningResult(DSL.field("xmax = 0", Boolean.class))
                .fetchOne(r -> Boolean.TRUE.equals(r.value1()));
    }

    public boolean delete(ClientId client, String kind) {
        return db.deleteFrom(CLIENT_FLAGS)
                        .where(CLIENT_FLAGS.CLIENT_ID.eq(client.value()), CLIENT_FLAGS.KIND.eq(kind))
                        .execute()
                > 0;
    }

    public List<ClientFlag> of(ClientId client) {
        return db.selectFrom(CLIENT_FLAGS)
                .where(CLIENT_FLAGS.CLIENT_ID.eq(client.value()))
                .orderBy(CLIENT_FLAGS.SEVERITY.desc(), CLIENT_FLAGS.KIND)
                .fetch(ClientFlagRepository::toFlag);
    }

    public Map<ClientId, List<ClientFlag>> all() {
        Map<ClientId, List<ClientFlag>> byClient = new LinkedHashMap<>();
        for (ClientFlagsRecord r : db.selectFrom(CLIENT_FLAGS)
                .orderBy(CLIENT_FLAGS.CLIENT_ID, CLIENT_FLAGS.SEVERITY.desc(), CLIENT_FLAGS.KIND)
                .fetch()) {
            byClient.computeIfAbsent(new ClientId(r.getClientId()), c -> new java.util.ArrayList<>())
                    .add(toFlag(r));
        }
        return byClient;
    }

    private static ClientFlag toFlag(ClientFlagsRecord r) {
        return new ClientFlag(
                r.getKind(), r.getDetail(), r.getSeverity(), r.getRaisedAt().toInstant());
    }
}
