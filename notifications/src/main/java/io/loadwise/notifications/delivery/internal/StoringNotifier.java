package io.loadwise.notifications.delivery.internal;

import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationRenderer;
import io.loadwise.notifications.NotificationRequest;
import io.loadwise.notifications.Notifier;
import io.loadwise.notifications.RenderRequest;
import io.loadwise.notifications.RenderedInApp;
import io.loadwise.notifications.TemplateVariableMissingException;
import io.loadwise.notifications.delivery.NotificationStatus;
import io.loadwise.notifications.preferences.PreferenceLookup;
import io.loadwise.notifications.preferences.RecipientSettings;
import io.loadwise.shared.Ids;
import io.loadwise.tenancy.RecentTenants;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a request's notifications: one row per channel, with what preferences, quiet hours and
 * the digest decide; in-app rows rendered at once and signalled to open browsers, email rows
 * queued for the mail worker.
 */
@Component
class StoringNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(StoringNotifier.class);

    private final NotificationRepository notifications;
    private final PreferenceLookup preferences;
    private final RecentTenants tenants;
    private final ObjectProvider<NotificationRenderer> renderer;
    private final ObjectProvider<MailWorker> worker;
    private final TransactionTemplate tx;
    private final Clock clock;

    StoringNotifier(
            NotificationRepository notifications,
            PreferenceLookup preferences,
            RecentTenants tenants,
            ObjectProvider<NotificationRenderer> renderer,
            ObjectProvider<MailWorker> worker,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.tenants = tenants;
        this.renderer = renderer;
        this.worker = worker;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public int notifyAll(List<NotificationRequest> requests) {
        if (requests.isEmpty()) {
            return 0;
        }
        TenantId tenant = requests.getFirst().tenantId();
        if (requests.stream().anyMatch(r -> !r.tenantId().equals(tenant))) {
            throw new IllegalArgumentException("Requests of more than one business can't be stored together");
        }
        Optional<TenantId> bound = TenantContext.current();
        if (TransactionSynchronizationManager.isActualTransactionActive() && !bound.equals(Optional.of(tenant))) {
            // The open transaction runs as another tenant (or none): row level security would refuse the rows.
            throw new IllegalStateException("A notification of business " + tenant
                    + " can't join a transaction of "
                    + bound.map(t -> "business " + t).orElse("no business")
                    + ": call the Notifier as that business, or outside a transaction.");
        }
        Integer stored = TenantContext.callAs(tenant, () -> tx.execute(status -> store(tenant, requests)));
        return stored == null ? 0 : stored;
    }

    /** What one stored row needs once it is known to be new: a queue row, an inbox signal. */
    private record Planned(
            NotificationRepository.NewNotification row,
            @Nullable Instant queueAt,
            @Nullable UUID signalMember) {}

    private int store(TenantId tenantId, List<NotificationRequest> requests) {
        Tenant tenant =
                tenants.find(tenantId).orElseThrow(() -> new IllegalArgumentException("No business " + tenantId));
        Set<String> emails = new HashSet<>();
        requests.forEach(r -> emails.add(r.recipient().email()));
        Map<String, RecipientSettings> settings = preferences.settings(emails);
        PreferenceLookup.Switches switches = preferences.switchedOff(emails);
        Instant now = clock.instant();

        List<Planned> planned = new ArrayList<>();
        for (NotificationRequest request : requests) {
            String email = request.recipient().email();
            RecipientSettings mine = settings.get(email);
            Locale locale = mine.locale() != null ? mine.locale() : Locale.forLanguageTag(tenant.locale());
            ZoneId zone = mine.zone() != null ? mine.zone() : ZoneId.of(tenant.timeZone());
            Set<Channel> off = switches.off(email, request.type());
            planned.add(email(request, mine, locale, zone, off.contains(Channel.EMAIL), now));
            if (request.recipient().memberId() != null && !request.type().emailOnly()) {
                planned.add(inApp(request, locale, zone, off.contains(Channel.IN_APP)));
            }
        }

        Set<UUID> inserted =
                notifications.insertAll(planned.stream().map(Planned::row).toList());
        Map<UUID, Instant> queue = new LinkedHashMap<>();
        List<UUID> signals = new ArrayList<>();
        boolean dueNow = false;
        for (Planned p : planned) {
            if (!inserted.contains(p.row().id())) {
                continue; // its dedupe key was stored before
            }
            if (p.queueAt() != null) {
                queue.put(p.row().id(), p.queueAt());
                dueNow |= p.row().status().equals(NotificationStatus.PENDING);
            }
            if (p.signalMember() != null) {
                signals.add(p.signalMember());
            }
        }
        notifications.enqueueAll(queue);
        notifications.signalInboxes(signals);
        if (dueNow) {
            wakeWorkerAfterCommit();
        }
        return inserted.size();
    }

    /** The email row: pending, held for quiet hours, gathered for the digest, or suppressed. */
    private Planned email(
            NotificationRequest request,
            RecipientSettings settings,
            Locale locale,
            ZoneId zone,
            boolean switchedOff,
            Instant now) {
        UUID id = Ids.newId(clock);
        Instant quietUntil = request.type().immediate() ? null : settings.quietUntil(now, zone);
        if (switchedOff) {
            return new Planned(
                    row(request, id, Channel.EMAIL, locale, zone, NotificationStatus.SUPPRESSED, null, null),
                    null,
                    null);
        }
        if (settings.dailyDigest() && request.type().digestible()) {
            return new Planned(
                    row(request, id, Channel.EMAIL, locale, zone, NotificationStatus.DIGEST, null, null), null, null);
        }
        if (quietUntil != null) {
            return new Planned(
                    row(request, id, Channel.EMAIL, locale, zone, NotificationStatus.HELD, quietUntil, null),
                    quietUntil,
                    null);
        }
        return new Planned(
                row(request, id, Channel.EMAIL, locale, zone, NotificationStatus.PENDING, null, null), now, null);
    }

    /** The inbox entry, rendered now in the reader's language; signalled to open browsers once stored. */
    private Planned inApp(NotificationRequest request, Locale locale, ZoneId zone, boolean switchedOff) {
        UUID id = Ids.newId(clock);
        if (switchedOff) {
            return new Planned(
                    row(request, id, Channel.IN_APP, locale, zone, NotificationStatus.SUPPRESSED, null, null),
                    null,
                    null);
        }
        RenderedInApp rendered;
        try {
            rendered = renderer.getObject()
                    .inApp(new RenderRequest(
                            id,
                            request.tenantId(),
                            request.type(),
                            Channel.IN_APP,
                            request.recipient(),
                            locale,
                            zone,
                            request.model(),
                            request.link()));
        } catch (TemplateVariableMissingException e) {
            // Kept (dead, with the error) so the consumer's bug is visible; the email row goes on alone.
            log.warn(
                    "In-app notification {} ({}) can't be rendered: {}",
                    id,
                    request.type().key(),
                    e.getMessage());
            return new Planned(
                    row(request, id, Channel.IN_APP, locale, zone, NotificationStatus.DEAD, null, e.getMessage()),
                    null,
                    null);
        }
        return new Planned(
                row(request, id, Channel.IN_APP, locale, zone, NotificationStatus.UNREAD, null, null)
                        .withContent(rendered.title(), rendered.body(), rendered.link()),
                null,
                request.recipient().memberId());
    }

    private static NotificationRepository.NewNotification row(
            NotificationRequest request,
            UUID id,
            Channel channel,
            Locale locale,
            ZoneId zone,
            String status,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastError) {
        return new NotificationRepository.NewNotification(
                id,
                request.eventId(),
                request.type(),
                channel,
                request.recipient(),
                locale,
                zone,
                request.model(),
                status,
                nextAttemptAt,
                lastError,
                null,
                null,
                channel == Channel.EMAIL ? request.link() : null,
                request.occurredAt());
    }

    private void wakeWorkerAfterCommit() {
        MailWorker mailWorker = worker.getIfAvailable();
        if (mailWorker == null) {
            return; // a web-only instance: the worker's poll finds the mail
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mailWorker.wake();
                }
            });
        } else {
            mailWorker.wake();
        }
    }
}
