package io.loadwise.notifications.delivery.internal;

import static io.loadwise.jooq.Tables.NOTIFICATIONS;
import static org.jooq.impl.DSL.val;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.delivery.NotificationStatus;
import io.loadwise.tenancy.TenantId;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** What the bounce job reads and writes: a returned mail's business, and its row turning bounced. */
@Repository
public class BounceRepository {

    private final DSLContext db;

    BounceRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * The business an email notification belongs to, whichever business is bound (none need be).
     * Row level security hides the row itself until its business is bound; the SECURITY DEFINER
     * function {@code email_notification_tenant} (V11__bounce_lookup.sql says why this way) answers
     * with the tenant id alone.
     */
    public Optional<TenantId> tenantOfEmail(UUID notificationId) {
        return Optional.ofNullable(db.resultQuery("select email_notification_tenant({0})", val(notificationId))
                        .fetchOne(0, UUID.class))
                .map(TenantId::new);
    }

    /**
     * Marks a sent email of the bound business bounced, with what the remote server said. Only a
     * {@code sent} row turns: one already bounced keeps its first diagnostic, and a row an admin
     * replayed (pending again) or that is failing for another reason keeps its own history.
     *
     * @return whether the row turned bounced
     */
    public boolean markBounced(UUID notificationId, String diagnostic) {
        return db.update(NOTIFICATIONS)
                        .set(NOTIFICATIONS.STATUS, NotificationStatus.BOUNCED)
                        .set(NOTIFICATIONS.LAST_ERROR, NotificationRepository.truncate(diagnostic, 2000))
                        .where(NOTIFICATIONS.ID.eq(notificationId))
                        .and(NOTIFICATIONS.CHANNEL.eq(Channel.EMAIL.column()))
                        .and(NOTIFICATIONS.STATUS.eq(NotificationStatus.SENT))
                        .execute()
                == 1;
    }
}
