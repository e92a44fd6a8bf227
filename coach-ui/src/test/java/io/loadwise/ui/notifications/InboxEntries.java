package io.loadwise.ui.notifications;

import static io.loadwise.jooq.Tables.NOTIFICATIONS;

import io.loadwise.notifications.InboxSignal;
import io.loadwise.notifications.NotificationType;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.TestTenants;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** Inbox entries as the notifier stores them: rendered, unread, signalled in the same transaction. */
final class InboxEntries {

    private InboxEntries() {}

    /** An email notification in the delivery log, as the mail worker leaves it. */
    static UUID email(TenantId tenant, String status, String email, String error, Instant createdAt) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.TENANT_ID, tenant.value())
                .set(NOTIFICATIONS.ID, id)
                .set(NOTIFICATIONS.EVENT_ID, UUID.randomUUID())
                .set(NOTIFICATIONS.TYPE, NotificationType.PLAN_ASSIGNED.key())
                .set(NOTIFICATIONS.CHANNEL, "email")
                .set(NOTIFICATIONS.RECIPIENT_EMAIL, email)
                .set(NOTIFICATIONS.RECIPIENT_NAME, "Someone")
                .set(NOTIFICATIONS.LOCALE, "en")
                .set(NOTIFICATIONS.TIME_ZONE, "UTC")
                .set(NOTIFICATIONS.MODEL, JSONB.jsonb("{\"planName\": \"Hamstring return to run\"}"))
                .set(NOTIFICATIONS.STATUS, status)
                .set(NOTIFICATIONS.ATTEMPTS, "sent".equals(status) ? 1 : 6)
                .set(NOTIFICATIONS.LAST_ERROR, error)
                .set(NOTIFICATIONS.TITLE, "Your plan is ready")
                .set(NOTIFICATIONS.OCCURRED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .set(NOTIFICATIONS.CREATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .set(NOTIFICATIONS.SENT_AT, "sent".equals(status) ? createdAt.atOffset(ZoneOffset.UTC) : null)
                .execute());
        return id;
    }

    static UUID deliver(TenantId tenant, UUID member, String title, String link, Instant createdAt) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant, db -> {
            db.insertInto(NOTIFICATIONS)
                    .set(NOTIFICATIONS.TENANT_ID, tenant.value())
                    .set(NOTIFICATIONS.ID, id)
                    .set(NOTIFICATIONS.EVENT_ID, UUID.randomUUID())
                    .set(NOTIFICATIONS.TYPE, NotificationType.NEW_MESSAGE.key())
                    .set(NOTIFICATIONS.CHANNEL, "in_app")
                    .set(NOTIFICATIONS.RECIPIENT_EMAIL, member + "@example.com")
                    .set(NOTIFICATIONS.RECIPIENT_NAME, "Someone")
                    .set(NOTIFICATIONS.MEMBER_ID, member)
                    .set(NOTIFICATIONS.LOCALE, "en")
                    .set(NOTIFICATIONS.TIME_ZONE, "UTC")
                    .set(NOTIFICATIONS.MODEL, JSONB.jsonb("{}"))
                    .set(NOTIFICATIONS.STATUS, "unread")
                    .set(NOTIFICATIONS.TITLE, title)
                    .set(NOTIFICATIONS.BODY, "Body of " + title)
                    .set(NOTIFICATIONS.LINK, link)
                    .set(NOTIFICATIONS.OCCURRED_AT, createdAt.atOffset(ZoneOffset.UTC))
                    .set(NOTIFICATIONS.CREATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                    .execute();
            db.select(DSL.field(
                            "pg_notify({0}, {1})",
                            String.class, DSL.val(InboxSignal.CHANNEL), DSL.val(InboxSignal.payload(tenant, member))))
                    .fetch();
        });
        return id;
    }
}
