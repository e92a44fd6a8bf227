package io.loadwise.notifications.events.internal;

import io.loadwise.commerce.CommerceFacts;
import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.notifications.NotificationRequest;
import io.loadwise.notifications.NotificationType;
import io.loadwise.roster.NotificationAudience;
import io.loadwise.roster.NotificationAudience.CoachWeek;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Monday morning's summary of the past week for every owner and coach of every open business:
 * open flags of their clients, clients added in the last 7 days, and net revenue of the orders
 * paid in them (the whole business for owners, their own clients' for coaches).
 *
 * <p>The notification's event id is derived from (business, coach, week), so a rerun of the job
 * (a retry, a second worker, a manual run) stores nothing twice: the notifier's dedupe key does it.
 */
@Component
@EnableScheduling
@ConditionalOnWorkerRole
public class WeeklySummaryJob {

    private static final Logger log = LoggerFactory.getLogger(WeeklySummaryJob.class);

    private final TenantDirectory tenants;
    private final NotificationAudience audience;
    private final CommerceFacts commerce;
    private final EventIntake intake;
    private final Clock clock;

    WeeklySummaryJob(
            TenantDirectory tenants,
            NotificationAudience audience,
            CommerceFacts commerce,
            EventIntake intake,
            Clock clock) {
        this.tenants = tenants;
        this.audience = audience;
        this.commerce = commerce;
        this.intake = intake;
        this.clock = clock;
    }

    /** Monday 07:00 UTC by default; each business's week is counted in its own time zone. */
    @Scheduled(cron = "${loadwise.notifications.weekly-summary-cron:0 0 7 * * MON}", zone = "UTC")
    public void sendAll() {
        for (TenantId tenant : tenants.activeTenantIds()) {
            try {
                int stored = send(tenant);
                log.info("Weekly summary of tenant {}: {} notifications stored", tenant, stored);
            } catch (RuntimeException e) {
                log.error("Weekly summary of tenant {} failed; a rerun sends only what is missing", tenant, e);
            }
        }
    }

    /** @return the notifications stored now (0 when this week's were stored before) */
    public int send(TenantId tenantId) {
        return TenantContext.callAs(tenantId, () -> {
            Tenant tenant = tenants.findById(tenantId).orElseThrow();
            ZoneId zone = ZoneId.of(tenant.timeZone());
            Instant now = clock.instant();
            // The week that ended with the last Monday 00:00 (local): the same for every run this week.
            LocalDate thisMonday =
                    LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate weekStart = thisMonday.minusWeeks(1);
            Instant from = weekStart.atStartOfDay(zone).toInstant();
            Instant to = thisMonday.atStartOfDay(zone).toInstant();
            List<NotificationRequest> requests = new ArrayList<>();
            for (CoachWeek week : audience.coachWeeks(from)) {
                long revenue = commerce.revenue(
                        from,
                        to,
                        tenant.currency(),
                        week.owner() ? null : week.coach().memberId());
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("weekStart", weekStart.toString());
                model.put("openFlags", week.openFlags());
                model.put("newClients", week.newClients());
                model.put("revenueMinor", revenue);
                model.put("currency", tenant.currency());
                var recipient = intake.recipient(
                        week.coach().email(), week.coach().name(), week.coach().memberId(), "weekly-summary");
                recipient.ifPresent(coach -> requests.add(new NotificationRequest(
                        eventId(tenantId, week.coach().email(), weekStart),
                        tenantId,
                        NotificationType.WEEKLY_SUMMARY,
                        coach,
                        model,
                        "/coach/dashboard",
                        now)));
            }
            return intake.notifyAll(requests);
        });
    }

    static UUID eventId(TenantId tenant, String coachEmail, LocalDate weekStart) {
        return UUID.nameUUIDFromBytes(("weekly-summary|" + tenant.value() + "|"
                        + coachEmail.toLowerCase(java.util.Locale.ROOT) + "|" + weekStart)
                .getBytes(StandardCharsets.UTF_8));
    }
}
