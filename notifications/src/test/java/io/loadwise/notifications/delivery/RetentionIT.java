package io.loadwise.notifications.delivery;

import static io.loadwise.jooq.Tables.NOTIFICATIONS;
import static io.loadwise.jooq.Tables.NOTIFICATION_QUEUE;
import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.delivery.internal.RetentionJob;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.JSONB;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nightly retention run (default 180 days; deleting two rows per transaction here): what an
 * admin's delivery log and a member's inbox keep, and what is gone.
 */
class RetentionIT extends DeliveryTestSupport {

    static final Duration OLD = Duration.ofDays(200);
    static final Duration YOUNG = Duration.ofDays(100);

    @Autowired
    RetentionJob retention;

    TenantId business;
    TenantId otherBusiness;

    @BeforeEach
    void twoBusinesses() {
        business = TestTenants.create("Retention Running").id();
        otherBusiness = TestTenants.create("Other Running").id();
    }

    @Test
    void finished_notifications_older_than_the_retention_go_with_their_queue_rows_and_mail_on_its_way_stays() {
        List<UUID> gone = new ArrayList<>();
        gone.add(row(business, "email", "sent", OLD, null));
        gone.add(row(business, "email", "sent", OLD, Duration.ofDays(1))); // a queue row left behind
        gone.add(row(business, "email", "bounced", OLD, null));
        gone.add(row(business, "email", "suppressed", OLD, null));
        gone.add(row(business, "email", "dead", OLD, null));
        gone.add(row(business, "email", "failed", OLD, null)); // no retry queued any more
        gone.add(row(business, "in_app", "read", OLD, null));
        gone.add(row(business, "in_app", "unread", OLD, null));
        List<UUID> kept = new ArrayList<>();
        kept.add(row(business, "email", "pending", OLD, Duration.ofDays(1)));
        kept.add(row(business, "email", "held", OLD, Duration.ofHours(8)));
        kept.add(row(business, "email", "failed", OLD, Duration.ofMinutes(30))); // its retry is due
        kept.add(row(business, "email", "digest", OLD, null));
        kept.add(row(business, "email", "sent", YOUNG, null));
        kept.add(row(business, "in_app", "unread", YOUNG, null));
        UUID otherOld = row(otherBusiness, "email", "sent", OLD, null);

        assertThat(retention.runFor(business)).isEqualTo(gone.size());

        assertThat(ids(business)).containsExactlyInAnyOrderElementsOf(kept);
        assertThat(queued()).doesNotContainAnyElementsOf(gone);
        assertThat(queued()).contains(kept.get(0), kept.get(1), kept.get(2));
        assertThat(ids(otherBusiness)).containsExactly(otherOld);

        assertThat(retention.runFor(business)).as("a rerun finds nothing more").isZero();
        retention.run();
        assertThat(ids(otherBusiness))
                .as("the run over every business reaches the other one")
                .isEmpty();
        assertThat(ids(business)).containsExactlyInAnyOrderElementsOf(kept);
    }

    /** A notification stored {@code age} ago; with a queue row due {@code dueIn} from now when given. */
    private static UUID row(TenantId tenant, String channel, String status, Duration age, @Nullable Duration dueIn) {
        UUID id = UUID.randomUUID();
        Instant stored = Instant.now().minus(age);
        TestTenants.seed(tenant, db -> {
            db.insertInto(NOTIFICATIONS)
                    .set(NOTIFICATIONS.TENANT_ID, tenant.value())
                    .set(NOTIFICATIONS.ID, id)
                    .set(NOTIFICATIONS.EVENT_ID, UUID.randomUUID())
                    .set(NOTIFICATIONS.TYPE, NotificationType.PLAN_ADJUSTED.key())
                    .set(NOTIFICATIONS.CHANNEL, channel)
                    .set(NOTIFICATIONS.RECIPIENT_EMAIL, "kept-or-not-" + id + "@example.test")
                    .set(NOTIFICATIONS.RECIPIENT_NAME, "Ann Runner")
                    .set(NOTIFICATIONS.MEMBER_ID, channel.equals("in_app") ? UUID.randomUUID() : null)
                    .set(NOTIFICATIONS.LOCALE, "en")
                    .set(NOTIFICATIONS.TIME_ZONE, "UTC")
                    .set(NOTIFICATIONS.MODEL, JSONB.jsonb("{}"))
                    .set(NOTIFICATIONS.STATUS, status)
                    .set(NOTIFICATIONS.OCCURRED_AT, stored.atOffset(ZoneOffset.UTC))
                    .set(NOTIFICATIONS.CREATED_AT, stored.atOffset(ZoneOffset.UTC))
                    .execute();
            if (dueIn != null) {
                // due in the future, so the running mail worker leaves it alone
                db.insertInto(NOTIFICATION_QUEUE)
                        .set(NOTIFICATION_QUEUE.NOTIFICATION_ID, id)
                        .set(NOTIFICATION_QUEUE.TENANT_ID, tenant.value())
                        .set(
                                NOTIFICATION_QUEUE.DUE_AT,
                                Instant.now().plus(dueIn).atOffset(ZoneOffset.UTC))
                        .execute();
            }
        });
        return id;
    }

    private static List<UUID> ids(TenantId tenant) {
        List<UUID> ids = new ArrayList<>();
        TestTenants.seed(
                tenant,
                db -> ids.addAll(db.select(NOTIFICATIONS.ID).from(NOTIFICATIONS).fetch(NOTIFICATIONS.ID)));
        return ids;
    }

    private List<UUID> queued() {
        List<UUID> ids = new ArrayList<>();
        TestTenants.seed(
                business,
                db -> ids.addAll(db.select(NOTIFICATION_QUEUE.NOTIFICATION_ID)
                        .from(NOTIFICATION_QUEUE)
                        .fetch(NOTIFICATION_QUEUE.NOTIFICATION_ID)));
        return ids;
    }
}
