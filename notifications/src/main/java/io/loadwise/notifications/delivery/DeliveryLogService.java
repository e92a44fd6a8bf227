package io.loadwise.notifications.delivery;

import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.notifications.DeliveryLog;
import io.loadwise.notifications.delivery.internal.MailWorker;
import io.loadwise.notifications.delivery.internal.NotificationRepository;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Platform admins' delivery log. Crosses businesses the one explicit way: each is read with its
 * own tenant bound, never with row level security switched off. Replays are written to the
 * business's audit log with the admin's reason.
 */
@Service
public class DeliveryLogService implements DeliveryLog {

    public static final int MAX_LIMIT = 500;

    private static final Logger log = LoggerFactory.getLogger(DeliveryLogService.class);

    private final NotificationRepository notifications;
    private final TenantDirectory tenants;
    private final ObjectProvider<MailWorker> worker;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    DeliveryLogService(
            NotificationRepository notifications,
            TenantDirectory tenants,
            ObjectProvider<MailWorker> worker,
            PlatformTransactionManager transactions) {
        this.notifications = notifications;
        this.tenants = tenants;
        this.worker = worker;
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<Entry> entries(TenantId tenant, @Nullable String status, int limit) {
        requireLimit(limit);
        if (status != null && !NotificationStatus.EMAIL.contains(status)) {
            throw new IllegalArgumentException(
                    "Unknown status '" + status + "': use one of " + String.join(", ", NotificationStatus.EMAIL) + ".");
        }
        requireTenant(tenant);
        return TenantContext.callAs(tenant, () -> readOnly.execute(s -> notifications.entries(status, limit)));
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Counts counts(TenantId tenant) {
        requireTenant(tenant);
        Map<String, Long> byStatus =
                TenantContext.callAs(tenant, () -> readOnly.execute(s -> notifications.countsByStatus()));
        return new Counts(
                byStatus.getOrDefault(NotificationStatus.SENT, 0L),
                byStatus.getOrDefault(NotificationStatus.PENDING, 0L)
                        + byStatus.getOrDefault(NotificationStatus.HELD, 0L)
                        + byStatus.getOrDefault(NotificationStatus.DIGEST, 0L),
                byStatus.getOrDefault(NotificationStatus.FAILED, 0L),
                byStatus.getOrDefault(NotificationStatus.DEAD, 0L),
                byStatus.getOrDefault(NotificationStatus.BOUNCED, 0L),
                byStatus.getOrDefault(NotificationStatus.SUPPRESSED, 0L));
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<Entry> deadLetters(int limit) {
        requireLimit(limit);
        List<Entry> all = new ArrayList<>();
        for (Tenant tenant : tenants.listAll()) {
            all.addAll(TenantContext.callAs(
                    tenant.id(), () -> readOnly.execute(s -> notifications.entries(NotificationStatus.DEAD, limit))));
        }
        all.sort(Comparator.comparing(Entry::createdAt).reversed().thenComparing(Entry::id, Comparator.reverseOrder()));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    @Override
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public void replay(TenantId tenant, UUID notificationId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Say why the mail is sent again: the reason goes into the audit log.");
        }
        CurrentUser admin = CurrentUsers.require();
        requireTenant(tenant);
        TenantContext.runAs(
                tenant,
                () -> tx.executeWithoutResult(s -> {
                    NotificationRepository.Stored stored = notifications
                            .find(notificationId)
                            .orElseThrow(() -> new NotFoundException("notification", notificationId));
                    if (!notifications.resetForReplay(notificationId)) {
                        throw new IllegalArgumentException("Only a dead or bounced email can be replayed; this one is "
                                + stored.status() + " (" + stored.channel().column() + ").");
                    }
                    String detail = "{\"notification\":\"" + notificationId + "\",\"type\":\""
                            + stored.type().key() + "\",\"previous_status\":\"" + stored.status() + "\",\"attempts\":"
                            + stored.attempts() + "}";
                    notifications.audit(admin.userId(), "notification-replay", notificationId, reason.strip(), detail);
                }));
        log.info("Platform admin {} replayed notification {} of business {}", admin.userId(), notificationId, tenant);
        worker.ifAvailable(MailWorker::wake);
    }

    private void requireTenant(TenantId tenant) {
        if (tenants.findById(tenant).isEmpty()) {
            throw new NotFoundException("business", tenant);
        }
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("Between 1 and " + MAX_LIMIT + " entries can be listed.");
        }
    }
}
