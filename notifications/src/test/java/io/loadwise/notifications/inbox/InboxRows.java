package io.loadwise.notifications.inbox;

import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.NOTIFICATIONS;

import io.loadwise.notifications.InboxSignal;
import io.loadwise.notifications.NotificationType;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.TestTenants;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * In-app rows as the notifier stores them (rendered, {@code unread}, with the inbox signal in the
 * same transaction), written straight into PostgreSQL as the application role.
 */
public final class InboxRows {

    private InboxRows() {}

    /** A member of the business (role {@code coach} or {@code client}); returns their member id. */
    public static UUID member(TenantId tenant, UUID userId, String role, String name) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, id)
                .set(MEMBERS.USER_ID, userId)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, id + "@example.com")
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }

    /** Stores an unread entry and signals it, committed; returns its id. */
    public static UUID deliver(TenantId tenant, UUID member, String title, Instant createdAt) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant, db -> {
            insert(db, tenant, member, id, title, createdAt);
            signal(db, tenant, member);
        });
        return id;
    }

    public static void insert(DSLContext db, TenantId tenant, UUID member, UUID id, String title, Instant createdAt) {
        db.insertInto(NOTIFICATIONS)
                .set(NOTIFICATIONS.TENANT_ID, tenant.value())
                .set(NOTIFICATIONS.ID, id)
                .set(NOTIFICATIONS.EVENT_ID, UUID.randomUUID())
                .set(NOTIFICATIONS.TYPE, NotificationType.PLAN_ADJUSTED.key())
                .set(NOTIFICATIONS.CHANNEL, "in_app")
                .set(NOTIFICATIONS.RECIPIENT_EMAIL, member + "@example.com")
                .set(NOTIFICATIONS.RECIPIENT_NAME, "Ann Runner")
                .set(NOTIFICATIONS.MEMBER_ID, member)
                .set(NOTIFICATIONS.LOCALE, "en")
                .set(NOTIFICATIONS.TIME_ZONE, "UTC")
                .set(NOTIFICATIONS.MODEL, JSONB.jsonb("{}"))
                .set(NOTIFICATIONS.STATUS, "unread")
                .set(NOTIFICATIONS.TITLE, title)
                .set(NOTIFICATIONS.BODY, "Your plan changed: " + title)
                .set(NOTIFICATIONS.LINK, "/t/stride/me/plan")
                .set(NOTIFICATIONS.OCCURRED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .set(NOTIFICATIONS.CREATED_AT, createdAt.atOffset(ZoneOffset.UTC))
                .execute();
    }

    public static void signal(DSLContext db, TenantId tenant, UUID member) {
        db.select(DSL.field(
                        "pg_notify({0}, {1})",
                        String.class, DSL.val(InboxSignal.CHANNEL), DSL.val(InboxSignal.payload(tenant, member))))
                .fetch();
    }
}
