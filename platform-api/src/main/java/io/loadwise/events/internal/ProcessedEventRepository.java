package io.loadwise.events.internal;

import static io.loadwise.jooq.Tables.PROCESSED_EVENTS;

import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class ProcessedEventRepository {

    private final DSLContext db;
    private final Clock clock;

    ProcessedEventRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Claims the event for the consumer. {@code ON CONFLICT DO NOTHING} makes a concurrent second
     * delivery wait on the first one's row lock and then see it as taken (or take it, if the first
     * rolled back), so two workers never both perform the effect.
     *
     * @return true when this call recorded it, false when it was recorded before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(TenantId tenant, String consumer, UUID eventId) {
        return db.insertInto(PROCESSED_EVENTS)
                        .set(PROCESSED_EVENTS.TENANT_ID, tenant.value())
                        .set(PROCESSED_EVENTS.CONSUMER, consumer)
                        .set(PROCESSED_EVENTS.EVENT_ID, eventId)
                        .set(PROCESSED_EVENTS.PROCESSED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public boolean contains(TenantId tenant, String consumer, UUID eventId) {
        return db.fetchExists(
                PROCESSED_EVENTS,
                PROCESSED_EVENTS.TENANT_ID.eq(tenant.value()),
                PROCESSED_EVENTS.CONSUMER.eq(consumer),
                PROCESSED_EVENTS.EVENT_ID.eq(eventId));
    }
}
