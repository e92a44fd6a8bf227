package io.loadwise.billing.webhooks;

import static io.loadwise.jooq.Tables.STRIPE_EVENTS;

import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.webhooks.internal.StoredStripeEventView;
import io.loadwise.billing.webhooks.internal.StripeEventRepository;
import io.loadwise.billing.webhooks.internal.WebhookProcessor;
import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Platform admins' view of the webhook inbox: what failed or was flagged, and replay. */
@Service
public class WebhookInbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookInbox.class);

    private final StripeEventRepository events;
    private final PaymentAccountService accounts;
    private final TenantDirectory tenants;
    private final TransactionTemplate transactions;
    private final ObjectProvider<WebhookProcessor> processor;

    WebhookInbox(
            StripeEventRepository events,
            PaymentAccountService accounts,
            TenantDirectory tenants,
            TransactionTemplate transactions,
            ObjectProvider<WebhookProcessor> processor) {
        this.events = events;
        this.accounts = accounts;
        this.tenants = tenants;
        this.transactions = transactions;
        this.processor = processor;
    }

    /** Failed and flagged events, newest first. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public List<FailedWebhook> problems(int limit) {
        Map<String, Optional<String>> tenantNames = new HashMap<>();
        return events.problems(Math.clamp(limit, 1, 500)).stream()
                .map(r -> {
                    String account = r.get(STRIPE_EVENTS.ACCOUNT);
                    String tenantName = account == null
                            ? null
                            : tenantNames
                                    .computeIfAbsent(account, a -> accounts.tenantOfAccount(a)
                                            .flatMap(tenants::findById)
                                            .map(Tenant::name))
                                    .orElse(null);
                    return new FailedWebhook(
                            r.get(STRIPE_EVENTS.ID),
                            r.get(STRIPE_EVENTS.TYPE),
                            r.get(STRIPE_EVENTS.ENDPOINT),
                            account,
                            tenantName,
                            r.get(STRIPE_EVENTS.STATUS),
                            r.get(STRIPE_EVENTS.ATTEMPTS),
                            r.get(STRIPE_EVENTS.LAST_ERROR),
                            r.get(STRIPE_EVENTS.RECEIVED_AT).toInstant());
                })
                .toList();
    }

    /** Event counts by status. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public Map<String, Long> counts() {
        return events.counts();
    }

    /**
     * Puts an event back in the queue (audited); it is processed again within seconds. A Connect
     * event's replay is written to its business's audit log, like break-glass access; a platform
     * event has no business and is logged.
     *
     * @throws NotFoundException for an unknown event id
     */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public void replay(String eventId) {
        replay(eventId, null);
    }

    /** As {@link #replay(String)}, with the admin's reason in the audit entry. */
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public void replay(String eventId, @Nullable String reason) {
        StoredStripeEventView event =
                events.view(eventId).orElseThrow(() -> new NotFoundException("webhook event", eventId));
        CurrentUser admin = CurrentUsers.require();
        Optional<TenantId> tenant =
                event.account() == null ? Optional.empty() : accounts.tenantOfAccount(event.account());
        String detail = "{\"event\":\"" + eventId + "\",\"type\":\"" + event.type() + "\",\"previous_status\":\""
                + event.status() + "\"}";
        Runnable requeue = () -> transactions.executeWithoutResult(tx -> {
            events.requeue(eventId);
            if (tenant.isPresent()) {
                events.audit(admin.userId(), "platform-admin", "webhook-replay", reason, detail);
            }
        });
        if (tenant.isPresent()) {
            TenantContext.runAs(tenant.get(), requeue);
        } else {
            requeue.run();
        }
        log.info(
                "Platform admin {} replayed Stripe event {} ({}, was {})",
                admin.userId(),
                eventId,
                event.type(),
                event.status());
        processor.ifAvailable(WebhookProcessor::wake);
    }
}
