package io.loadwise.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.testsupport.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The outbox's nightly clean-up, on the real registry table in PostgreSQL. */
@IntegrationTest
class OutboxRetentionIT {

    static final String LISTENER = "test.outbox-retention";

    @Autowired
    OutboxRetentionJob job;

    @Autowired
    DSLContext db;

    @Autowired
    Clock clock;

    @AfterEach
    void removeTheRows() {
        // An incomplete row left behind would be resubmitted by the next application to start.
        db.execute("delete from event_publication where listener_id = ?", LISTENER);
    }

    @Test
    void deletes_publications_completed_before_the_retention_and_keeps_recent_and_unsent_ones() {
        Instant now = clock.instant();
        UUID old = publication(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
        UUID recent = publication(now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)));
        UUID unsent = publication(now.minus(Duration.ofDays(30)), null);

        job.run();

        assertThat(exists(old)).as("completed 8 days ago").isFalse();
        assertThat(exists(recent)).as("completed 6 days ago").isTrue();
        assertThat(exists(unsent)).as("never completed, 30 days old").isTrue();
    }

    private UUID publication(Instant published, @Nullable Instant completed) {
        UUID id = UUID.randomUUID();
        db.execute(
                """
                insert into event_publication
                    (id, listener_id, event_type, serialized_event, publication_date, completion_date, status,
                     completion_attempts)
                values (?, ?, 'io.loadwise.test.Nothing', ?, cast(? as timestamptz), cast(? as timestamptz), ?, 1)""",
                id,
                LISTENER,
                "{\"id\":\"" + id + "\"}",
                OffsetDateTime.ofInstant(published, ZoneOffset.UTC),
                completed == null ? null : OffsetDateTime.ofInstant(completed, ZoneOffset.UTC),
                completed == null ? "PUBLISHED" : "COMPLETED");
        return id;
    }

    private boolean exists(UUID id) {
        return db.fetchExists(db.selectOne().from("event_publication").where("id = ?", id));
    }
}
