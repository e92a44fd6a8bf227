package io.loadwise.events;

import static io.loadwise.jooq.Tables.PROCESSED_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The idempotency store every consumer relies on, against real PostgreSQL with row level security. */
@IntegrationTest
class ProcessedEventsIT {

    static final String CONSUMER = "test.processed-events";

    @Autowired
    ProcessedEvents processed;

    @Autowired
    DSLContext db;

    @Autowired
    TransactionTemplate tx;

    TenantId tenant;
    UUID eventId;

    @BeforeEach
    void aTenantAndAnEvent() {
        tenant = TestTenants.create("Processed Events Gym").id();
        eventId = UUID.randomUUID();
    }

    @Test
    void the_same_event_runs_its_work_once() {
        AtomicInteger runs = new AtomicInteger();

        boolean first = processed.runOnce(tenant, eventId, CONSUMER, runs::incrementAndGet);
        boolean second = processed.runOnce(tenant, eventId, CONSUMER, runs::incrementAndGet);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(processed.isProcessed(tenant, eventId, CONSUMER)).isTrue();
    }

    @Test
    void another_consumer_of_the_same_event_runs_its_own_work() {
        processed.runOnce(tenant, eventId, CONSUMER, () -> {});

        assertThat(processed.runOnce(tenant, eventId, "test.another-consumer", () -> {}))
                .isTrue();
    }

    @Test
    void failed_work_leaves_no_record_so_the_redelivery_runs_it_again() {
        assertThatThrownBy(() -> processed.runOnce(tenant, eventId, CONSUMER, () -> {
                    throw new IllegalStateException("SMTP down");
                }))
                .hasMessage("SMTP down");

        assertThat(processed.isProcessed(tenant, eventId, CONSUMER)).isFalse();
        assertThat(processed.runOnce(tenant, eventId, CONSUMER, () -> {})).isTrue();
    }

    @Test
    void the_work_runs_as_the_events_tenant_in_the_same_transaction_as_the_record() {
        List<Object> seen = new ArrayList<>();

        processed.runOnce(tenant, eventId, CONSUMER, () -> {
            seen.add(TenantContext.require());
            // Row level security shows the work its own, still uncommitted, record.
            seen.add(db.fetchCount(PROCESSED_EVENTS, PROCESSED_EVENTS.EVENT_ID.eq(eventId)));
        });

        assertThat(seen).containsExactly(tenant, 1);
        assertThat(TenantContext.current()).isEmpty();
    }

    @Test
    void records_are_tenant_owned_invisible_to_other_tenants_and_without_a_tenant() {
        TenantId other = TestTenants.create("Other Gym").id();
        processed.runOnce(tenant, eventId, CONSUMER, () -> {});

        Integer seenByOther = TenantContext.callAs(
                other, () -> tx.execute(s -> db.fetchCount(PROCESSED_EVENTS, PROCESSED_EVENTS.EVENT_ID.eq(eventId))));
        Integer seenWithoutTenant =
                tx.execute(s -> db.fetchCount(PROCESSED_EVENTS, PROCESSED_EVENTS.EVENT_ID.eq(eventId)));

        assertThat(seenByOther).isZero();
        assertThat(seenWithoutTenant).isZero();
        // The same event id under another tenant is another event: ids are only unique per tenant.
        assertThat(processed.runOnce(other, eventId, CONSUMER, () -> {})).isTrue();
    }
}
