package io.loadwise.notifications.delivery;

import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.NOTIFICATIONS;
import static io.loadwise.jooq.Tables.NOTIFICATION_SETTINGS;

import io.loadwise.jooq.tables.records.NotificationsRecord;
import io.loadwise.notifications.NotificationRequest;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Recipient;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The one application context of delivery's and preferences' integration tests: the real
 * templates, SMTP through a {@link SmtpSwitch}, quick back-off (200 ms doubling, at most 1 s, dead
 * after 5 attempts), no scheduled digest or retention run (tests run them), retention batches of
 * two rows, and the test server's bounce mailbox as envelope sender, read over IMAP by the bounce
 * job only when a test runs it.
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "loadwise.notifications.delivery.max-attempts=5",
            "loadwise.notifications.delivery.base-backoff=200ms",
            "loadwise.notifications.delivery.max-backoff=1s",
            "loadwise.notifications.delivery.poll-interval=100ms",
            "loadwise.notifications.digest-cron=-",
            "loadwise.notifications.retention.cron=-",
            "loadwise.notifications.retention.batch-size=2",
            "loadwise.notifications.bounces.interval=1h",
            "loadwise.notifications.unsubscribe-secret=delivery-tests-secret-of-at-least-32-characters"
        })
public abstract class DeliveryTestSupport {

    @DynamicPropertySource
    static void smtpThroughTheSwitch(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SmtpSwitch.instance().port());
        TestInfrastructure.mail().bounceProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    public static NotificationRequest request(
            TenantId tenant, NotificationType type, Recipient recipient, Map<String, Object> model) {
        return new NotificationRequest(UUID.randomUUID(), tenant, type, recipient, model, "/t/test/me", Instant.now());
    }

    public static Recipient person(String name, boolean member) {
        String email = name.toLowerCase().replace(' ', '.') + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        return new Recipient(email, name, member ? UUID.randomUUID() : null);
    }

    /** The recipient's notification rows, oldest first. */
    public static List<NotificationsRecord> rows(TenantId tenant, String email) {
        List<NotificationsRecord> rows = new ArrayList<>();
        TestTenants.seed(
                tenant,
                db -> rows.addAll(db.selectFrom(NOTIFICATIONS)
                        .where(NOTIFICATIONS.RECIPIENT_EMAIL.eq(email))
                        .orderBy(NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.CHANNEL)
                        .fetch()));
        return rows;
    }

    public static NotificationsRecord emailRow(TenantId tenant, String email) {
        return rows(tenant, email).stream()
                .filter(r -> r.getChannel().equals("email"))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no email row for " + email));
    }

    public static void settings(
            TenantId tenant, String email, Consumer<io.loadwise.jooq.tables.records.NotificationSettingsRecord> edit) {
        TestTenants.seed(tenant, db -> {
            var row = db.newRecord(NOTIFICATION_SETTINGS);
            row.setTenantId(tenant.value());
            row.setRecipientEmail(email);
            row.setDailyDigest(false);
            row.setDigestAt(LocalTime.of(7, 0));
            row.setUpdatedAt(OffsetDateTime.now());
            edit.accept(row);
            row.insert();
        });
    }

    /** The notification a received mail was sent for (its Message-ID carries the notification's id). */
    public static String notificationOf(jakarta.mail.internet.MimeMessage mail) {
        try {
            String id = mail.getMessageID();
            return id.substring(1, id.indexOf('@'));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void sql(TenantId tenant, Consumer<DSLContext> work) {
        TestTenants.seed(tenant, work);
    }

    /** A member of the business (user id = the token subject), for the signed-in APIs. */
    public static void member(TenantId tenant, UUID userId, String role, String email) {
        TestTenants.seed(tenant, db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, UUID.randomUUID())
                .set(MEMBERS.USER_ID, userId)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, email)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute());
    }
}
