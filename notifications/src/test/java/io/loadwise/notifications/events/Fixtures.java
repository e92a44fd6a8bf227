package io.loadwise.notifications.events;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.NOTIFICATIONS;
import static org.awaitility.Awaitility.await;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationRenderer;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Recipient;
import io.loadwise.notifications.RenderRequest;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.TestTenants;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Test data for the consumers: people in a business, and the notification rows they got. */
final class Fixtures {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {}

    /** A stored notification, as the notifications table holds it. */
    record Row(
            UUID eventId,
            String type,
            String channel,
            String email,
            @Nullable UUID memberId,
            Map<String, Object> model,
            @Nullable String link,
            String status) {}

    static List<Row> rows(TenantId tenant) {
        List<Row> rows = new ArrayList<>();
        TestTenants.seed(tenant, db -> db.selectFrom(NOTIFICATIONS)
                .orderBy(NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.ID)
                .forEach(r -> rows.add(new Row(
                        r.getEventId(),
                        NotificationType.fromKey(r.getType()).name(),
                        r.getChannel(),
                        r.getRecipientEmail(),
                        r.getMemberId(),
                        model(r.getModel().data()),
                        r.getLink(),
                        r.getStatus()))));
        return rows;
    }

    /** The email rows of one type. */
    static List<Row> emails(TenantId tenant, String type) {
        return rows(tenant).stream()
                .filter(r -> r.type().equals(type) && r.channel().equals("email"))
                .toList();
    }

    /** Waits until the tenant has an email row of the type, and returns them all. */
    static List<Row> awaitEmails(TenantId tenant, String type) {
        return awaitEmails(tenant, type, rows -> !rows.isEmpty());
    }

    static List<Row> awaitEmails(TenantId tenant, String type, Predicate<List<Row>> until) {
        return await().atMost(PATIENCE).until(() -> emails(tenant, type), until);
    }

    /**
     * Renders every stored email of the tenant with the application's renderer, as the mail worker
     * will: the consumers' models must satisfy the templates (no missing variable).
     */
    static void renderEveryEmail(NotificationRenderer renderer, TenantId tenant) {
        for (Row row : rows(tenant)) {
            if (!row.channel().equals("email")) {
                continue;
            }
            renderer.mail(new RenderRequest(
                    UUID.randomUUID(),
                    tenant,
                    NotificationType.valueOf(row.type()),
                    Channel.EMAIL,
                    new Recipient(row.email(), "Recipient", row.memberId()),
                    Locale.GERMAN,
                    ZoneId.of("Europe/Berlin"),
                    row.model(),
                    row.link()));
        }
    }

    static UUID member(TenantId tenant, String role, String email, String name) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, id)
                .set(MEMBERS.USER_ID, UUID.randomUUID())
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, name)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }

    static ClientId client(TenantId tenant, @Nullable UUID member, @Nullable UUID coach, String name, String email) {
        ClientId id = new ClientId(UUID.randomUUID());
        TestTenants.seed(tenant, db -> db.insertInto(CLIENTS)
                .set(CLIENTS.TENANT_ID, tenant.value())
                .set(CLIENTS.ID, id.value())
                .set(CLIENTS.MEMBER_ID, member)
                .set(CLIENTS.COACH_ID, coach)
                .set(CLIENTS.DISPLAY_NAME, name)
                .set(CLIENTS.EMAIL, email)
                .set(CLIENTS.STATUS, "active")
                .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.com";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(String json) {
        return JSON.readValue(json, Map.class);
    }
}
