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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    public int notify(NotificationRequest request) {
        Optional<io.loadwise.tenancy.TenantId> bound = TenantContext.current();
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !bound.equals(Optional.of(request.tenantId()))) {
            // The open transaction runs as another tenant (or none): row level security would refuse the rows.
            throw new IllegalStateException("A notification of business " + request.tenantId()
                    + " can't join a transaction of "
                    + bound.map(t -> "business " + t).orElse("no business")
                    + ": call the Notifier as that business, or outside a transaction.");
        }
        Integer stored = TenantContext.callAs(request.tenantId(), () -> tx.execute(status -> store(request)));
        return stored == null ? 0 : stored;
    }

    private int store(NotificationRequest request) {
        Tenant tenant = tenants.find(request.tenantId())
                .orElseThrow(() -> new IllegalArgumentException("No business " + request.tenantId()));
        String email = request.recipient().email();
        RecipientSettings settings = preferences.settings(email);
        Locale locale = settings.locale() != null ? settings.locale() : Locale.forLanguageTag(tenant.locale());
        ZoneId zone = settings.zone() != null ? settings.zone() : ZoneId.of(tenant.timeZone());
        Set<Channel> off = preferences.switchedOff(email, request.type());
        Instant now = clock.instant();

        List<Channel> channels = new ArrayList<>(List.of(Channel.EMAIL));
        if (request.recipient().memberId() != null && !request.type().emailOnly()) {
            channels.add(Channel.IN_APP);
        }
        int stored = 0;
        boolean queued = false;
        for (Channel channel : channels) {
            UUID id = Ids.newId(clock);
            boolean suppressed = !request.type().transactional() && off.contains(channel);
            if (channel == Channel.IN_APP) {
                if (storeInApp(request, id, locale, zone, suppressed)) {
                    stored++;
                }
                continue;
            }
            String status;
            Instant due = now;
            Instant quietUntil = request.type().immediate() ? null : settings.quietUntil(now, zone);
            if (suppressed) {
                status = NotificationStatus.SUPPRESSED;
            } else if (settings.dailyDigest() && request.type().digestible()) {
                status = NotificationStatus.DIGEST;
            } else if (quietUntil != null) {
                status = NotificationStatus.HELD;
                due = quietUntil;
            } else {
                status = NotificationStatus.PENDING;
            }
            boolean inserted = notifications.insert(row(
                    request,
                    id,
                    Channel.EMAIL,
                    locale,
                    zone,
                    status,
                    status.equals(NotificationStatus.HELD) ? due : null,
                    null,
                    null,
                    request.link()));
            if (inserted) {
                stored++;
                if (status.equals(NotificationStatus.PENDING) || status.equals(NotificationStatus.HELD)) {
                    notifications.enqueue(id, due);
                    queued |= status.equals(NotificationStatus.PENDING);
                }
            }
        }
        if (queued) {
            wakeWorkerAfterCommit();
        }
        return stored;
    }

    private boolean storeInApp(NotificationRequest request, UUID id, Locale locale, ZoneId zone, boolean suppressed) {
        if (suppressed) {
            return notifications.insert(row(
                    request, id, Channel.IN_APP, locale, zone, NotificationStatus.SUPPRESSED, null, null, null, null));
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
            return notifications.insert(row(
                    request,
                    id,
                    Channel.IN_APP,
                    locale,
                    zone,
                    NotificationStatus.DEAD,
                    null,
                    e.getMessage(),
                    null,
                    null));
        }
        boolean inserted = notifications.insert(new NotificationRepository.NewNotification(
                id,
                request.eventId(),
                request.type(),
                Channel.IN_APP,
                request.recipient(),
                locale,
                zone,
                request.model(),
                NotificationStatus.UNREAD,
                null,
                null,
                rendered.title(),
                rendered.body(),
                rendered.link(),
                request.occurredAt()));
        if (inserted) {
            UUID member = request.recipient().memberId();
            if (member != null) {
                notifications.signalInbox(member);
            }
        }
        return inserted;
    }

    private static NotificationRepository.NewNotification row(
            NotificationRequest request,
            UUID id,
            Channel channel,
            Locale locale,
            ZoneId zone,
            String status,
            @Nullable Instant nextAttemptAt,
            @Nullable String lastError,
            @Nullable String title,
            @Nullable String link) {
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
                title,
                null,
                link,
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
