package io.loadwise.notifications.delivery.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationRenderer;
import io.loadwise.notifications.NotificationRequest;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Notifier;
import io.loadwise.notifications.Recipient;
import io.loadwise.notifications.RenderRequest;
import io.loadwise.notifications.RenderedInApp;
import io.loadwise.notifications.TemplateVariableMissingException;
import io.loadwise.notifications.delivery.NotificationStatus;
import io.loadwise.notifications.preferences.PreferenceLookup;
import io.loadwise.notifications.preferences.RecipientSettings;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gathers the {@code digest} notifications of every coach who chose the daily digest into one
 * DAILY_DIGEST mail (each line what the inbox shows for it), once their local digest time has passed since the last one. The digest's event
 * id is derived from business, address and local date, so a rerun (or a second worker) stores no
 * second digest; the gathered rows become {@code sent} in the same transaction ({@code suppressed}
 * when the recipient switched the digest mail off: they stay in the in-app inbox only).
 */
@Component
@ConditionalOnWorkerRole
public class DailyDigestJob {

    private static final Logger log = LoggerFactory.getLogger(DailyDigestJob.class);

    private final TenantDirectory tenants;
    private final PreferenceLookup preferences;
    private final NotificationRepository notifications;
    private final Notifier notifier;
    private final NotificationRenderer renderer;
    private final TransactionTemplate tx;
    private final Clock clock;

    DailyDigestJob(
            TenantDirectory tenants,
            PreferenceLookup preferences,
            NotificationRepository notifications,
            Notifier notifier,
            NotificationRenderer renderer,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.tenants = tenants;
        this.preferences = preferences;
        this.notifications = notifications;
        this.notifier = notifier;
        this.renderer = renderer;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(cron = "${loadwise.notifications.digest-cron:0 */15 * * * *}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("The daily digest run failed; the next run catches up", e);
        }
    }

    /** @return the digests stored now */
    public int run() {
        int digests = 0;
        for (TenantId tenantId : tenants.activeTenantIds()) {
            try {
                digests += runFor(tenantId);
            } catch (RuntimeException e) {
                log.error("Daily digests of business {} failed; the next run catches up", tenantId, e);
            }
        }
        return digests;
    }

    /** The due digests of one business. */
    public int runFor(TenantId tenantId) {
        Tenant tenant = tenants.findById(tenantId).orElseThrow();
        ZoneId businessZone = ZoneId.of(tenant.timeZone());
        List<RecipientSettings> subscribers =
                TenantContext.callAs(tenantId, () -> tx.execute(s -> preferences.digestSubscribers()));
        int digests = 0;
        for (RecipientSettings subscriber : subscribers == null ? List.<RecipientSettings>of() : subscribers) {
            ZoneId zone = subscriber.zone() != null ? subscriber.zone() : businessZone;
            Instant now = clock.instant();
            if (!subscriber.digestDue(now, zone)) {
                continue;
            }
            Boolean stored =
                    TenantContext.callAs(tenantId, () -> tx.execute(s -> digest(tenantId, subscriber, zone, now)));
            if (Boolean.TRUE.equals(stored)) {
                digests++;
            }
        }
        return digests;
    }

    /** One line of the digest: what the inbox would show for it (type, title, body, link, when). */
    private Map<String, Object> item(NotificationRepository.Stored row) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", row.type().key());
        item.put("occurredAt", row.occurredAt().toString());
        try {
            RenderedInApp line = renderer.inApp(new RenderRequest(
                    row.id(),
                    row.tenantId(),
                    row.type(),
                    Channel.IN_APP,
                    row.recipient(),
                    row.locale(),
                    row.zone(),
                    row.model(),
                    row.link()));
            item.put("title", line.title());
            item.put("body", line.body());
            if (line.link() != null) {
                item.put("link", line.link());
            }
        } catch (TemplateVariableMissingException e) {
            // The line shows its type and time; the notification's own error is the consumer's to fix.
            log.warn(
                    "Digest line for notification {} ({}) can't be rendered: {}",
                    row.id(),
                    row.type().key(),
                    e.getMessage());
        }
        return item;
    }

    private boolean digest(TenantId tenant, RecipientSettings subscriber, ZoneId zone, Instant now) {
        List<NotificationRepository.Stored> waiting = notifications.waitingForDigest(subscriber.email());
        preferences.markDigested(subscriber.email(), now);
        if (waiting.isEmpty()) {
            return false;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (NotificationRepository.Stored row : waiting) {
            items.add(item(row));
        }
        LocalDate day = subscriber.lastDigestDue(now, zone).atZone(zone).toLocalDate();
        UUID eventId =
                UUID.nameUUIDFromBytes(("daily-digest\n" + tenant.value() + "\n" + subscriber.email() + "\n" + day)
                        .getBytes(StandardCharsets.UTF_8));
        NotificationRepository.Stored newest = waiting.getLast();
        Recipient recipient = new Recipient(
                subscriber.email(),
                newest.recipient().name(),
                newest.recipient().memberId());
        notifier.notify(new NotificationRequest(
                eventId,
                tenant,
                NotificationType.DAILY_DIGEST,
                recipient,
                Map.of("items", items, "date", day.toString()),
                null,
                now));
        List<UUID> gathered =
                waiting.stream().map(NotificationRepository.Stored::id).toList();
        // What the Notifier decided for the digest mail decides for the rows it gathers: when the
        // recipient switched the digest off (or unsubscribed from it), none of them went out by mail.
        boolean suppressed = notifications
                .emailStatus(eventId, NotificationType.DAILY_DIGEST, subscriber.email())
                .filter(NotificationStatus.SUPPRESSED::equals)
                .isPresent();
        if (suppressed) {
            notifications.markDigestSuppressed(gathered);
        } else {
            notifications.markDigested(gathered, now);
        }
        log.info(
                "Daily digest {} of business {} gathers {} notifications{}",
                eventId,
                tenant,
                waiting.size(),
                suppressed ? " (suppressed: the recipient switched the digest off)" : "");
        return true;
    }
}
