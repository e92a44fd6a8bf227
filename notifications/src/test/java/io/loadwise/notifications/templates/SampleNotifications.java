package io.loadwise.notifications.templates;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Recipient;
import io.loadwise.notifications.RenderRequest;
import io.loadwise.tenancy.TenantId;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A complete model for every notification type, as the consumers build them. */
final class SampleNotifications {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private SampleNotifications() {}

    static Map<String, Object> model(NotificationType type) {
        Map<String, Object> model = new HashMap<>();
        switch (type) {
            case CLIENT_INVITE -> {
                model.put("invitedBy", "Ruth Okafor");
                model.put("memberId", UUID.randomUUID().toString());
            }
            case COACH_INVITE -> {
                model.put("invitedBy", "Ruth Okafor");
                model.put("memberId", UUID.randomUUID().toString());
                model.put("role", "coach");
            }
            case SIGNUP_CONFIRMATION -> model.put("memberId", UUID.randomUUID().toString());
            case RECEIPT -> {
                model.put("orderId", "0f8fad5b-d9cb-469f-a165-70867728950e");
                model.put("offerTitle", "Tendon Health Guide");
                model.put("offerKind", "guide");
                model.put("amountTotalMinor", 1900);
                model.put("currency", "EUR");
                model.put("paidAt", "2026-11-27T14:05:00Z");
            }
            case COACHING_STARTED, RENEWAL_FAILED, COACHING_CANCELED -> model.put("offerTitle", "1:1 coaching");
            case REFUND_ISSUED -> {
                model.put("offerTitle", "Tendon Health Guide");
                model.put("amountMinor", 950);
                model.put("currency", "EUR");
            }
            case DISPUTE_OPENED -> {
                model.put("clientName", "Jess Moreno");
                model.put("amountMinor", 4900);
                model.put("currency", "EUR");
            }
            case PLAN_ASSIGNED -> {
                model.put("planName", "Hamstring — return to run");
                model.put("startDate", "2026-11-30");
            }
            case PLAN_ADJUSTED -> {
                model.put("planName", "Hamstring — return to run");
                model.put("reason", "Next-morning pain 6/10 is above your usual 2/10.");
            }
            case MISSED_SESSIONS -> {
                model.put("planName", "Hamstring — return to run");
                model.put("missedCount", 3);
            }
            case PLAN_CHANGED_BY_ENGINE, ADJUSTMENT_PROPOSED -> {
                model.put("clientName", "Jess Moreno");
                model.put("planName", "Hamstring — return to run");
                model.put("reason", "Next-morning pain 6/10 is above the usual 2/10.");
            }
            case PAIN_SPIKE -> {
                model.put("clientName", "Jess Moreno");
                model.put("detail", "Next-morning pain 7/10 (usual 2/10)");
            }
            case NEW_MESSAGE -> {
                model.put("authorName", "Ruth Okafor");
                model.put("clientName", "Jess Moreno");
            }
            case WEEKLY_SUMMARY -> {
                model.put("weekStart", "2026-11-23");
                model.put("openFlags", 2);
                model.put("newClients", 3);
                model.put("revenueMinor", 123450);
                model.put("currency", "EUR");
            }
            case DAILY_DIGEST ->
                model.put(
                        "items",
                        List.of(
                                Map.of(
                                        "type", "plan-changed-by-engine",
                                        "title", "Jess Moreno's plan was adjusted",
                                        "occurredAt", "2026-11-27T08:15:00Z",
                                        "link", "/coach/clients/42"),
                                Map.of(
                                        "type", "new-message",
                                        "title", "New message from Jess Moreno",
                                        "occurredAt", "2026-11-27T17:40:00Z")));
        }
        return model;
    }

    static RenderRequest request(NotificationType type, Locale locale) {
        return request(type, locale, model(type), null);
    }

    static RenderRequest request(
            NotificationType type, Locale locale, Map<String, Object> model, @Nullable String link) {
        return request(new TenantId(UUID.randomUUID()), type, locale, model, link);
    }

    static RenderRequest request(
            TenantId tenant, NotificationType type, Locale locale, Map<String, Object> model, @Nullable String link) {
        return new RenderRequest(
                UUID.randomUUID(),
                tenant,
                type,
                Channel.EMAIL,
                new Recipient("jess@example.com", "Jess Moreno", UUID.randomUUID()),
                locale,
                BERLIN,
                model,
                link);
    }
}
