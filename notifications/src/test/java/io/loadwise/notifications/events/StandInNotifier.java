package io.loadwise.notifications.events;

import static io.loadwise.jooq.Tables.NOTIFICATIONS;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationRequest;
import io.loadwise.notifications.Notifier;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Until the real notifier is on main: stores one row per channel with the dedupe key, as {@link
 * Notifier} promises (email always; in-app for members, except email-only types), and nothing else
 * (no preferences, no queue). Imported only by the consumers' tests.
 */
@TestConfiguration(proxyBeanMethods = false)
class StandInNotifier {

    @Bean
    Notifier standInNotifier(
            DSLContext db, PlatformTransactionManager transactions, TenantDirectory tenants, JsonMapper json) {
        var tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return request ->
                TenantContext.callAs(request.tenantId(), () -> tx.execute(status -> store(db, tenants, json, request)));
    }

    private static int store(DSLContext db, TenantDirectory tenants, JsonMapper json, NotificationRequest request) {
        var tenant = tenants.findById(request.tenantId()).orElseThrow();
        List<Channel> channels = new ArrayList<>(List.of(Channel.EMAIL));
        if (request.recipient().memberId() != null && !request.type().emailOnly()) {
            channels.add(Channel.IN_APP);
        }
        int stored = 0;
        for (Channel channel : channels) {
            stored += db.insertInto(NOTIFICATIONS)
                    .set(NOTIFICATIONS.TENANT_ID, request.tenantId().value())
                    .set(NOTIFICATIONS.ID, UUID.randomUUID())
                    .set(NOTIFICATIONS.EVENT_ID, request.eventId())
                    .set(NOTIFICATIONS.TYPE, request.type().name())
                    .set(NOTIFICATIONS.CHANNEL, channel.column())
                    .set(NOTIFICATIONS.RECIPIENT_EMAIL, request.recipient().email())
                    .set(NOTIFICATIONS.RECIPIENT_NAME, request.recipient().name())
                    .set(NOTIFICATIONS.MEMBER_ID, request.recipient().memberId())
                    .set(NOTIFICATIONS.LOCALE, tenant.locale())
                    .set(NOTIFICATIONS.TIME_ZONE, tenant.timeZone())
                    .set(NOTIFICATIONS.MODEL, JSONB.valueOf(json.writeValueAsString(request.model())))
                    .set(NOTIFICATIONS.STATUS, channel == Channel.EMAIL ? "pending" : "unread")
                    .set(NOTIFICATIONS.LINK, request.link())
                    .set(NOTIFICATIONS.OCCURRED_AT, request.occurredAt().atOffset(ZoneOffset.UTC))
                    .set(NOTIFICATIONS.CREATED_AT, OffsetDateTime.now())
                    .onConflictDoNothing()
                    .execute();
        }
        return stored;
    }
}
