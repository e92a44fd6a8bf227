package io.loadwise.billing.orders;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.param.RefundCreateParams;
import io.loadwise.billing.StripeRequests;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.orders.internal.BillingQueries;
import io.loadwise.billing.orders.internal.Revenue;
import io.loadwise.billing.orders.internal.StripeReader;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.jooq.tables.records.OrdersRecord;
import io.loadwise.roster.ClientAccess;
import io.loadwise.shared.Cursor;
import io.loadwise.shared.Ids;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A business's billing as its owner and coaches see it: orders, subscribers, monthly revenue and
 * refunds. Refunds go through Stripe with an idempotency key derived from our refund id; the
 * ledger changes when Stripe's {@code charge.refunded} arrives.
 */
@Service
public class BillingService {

    public static final int MAX_PAGE_SIZE = 200;
    public static final int MAX_MONTHS = 36;

    private static final Logger log = LoggerFactory.getLogger(BillingService.class);
    private static final Set<String> REFUNDABLE = Set.of("paid", "partially_refunded");

    private final BillingQueries queries;
    private final ClientAccess access;
    private final PaymentAccountService accounts;
    private final TenantDirectory tenants;
    private final StripeClient stripe;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;

    BillingService(
            BillingQueries queries,
            ClientAccess access,
            PaymentAccountService accounts,
            TenantDirectory tenants,
            StripeClient stripe,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.access = access;
        this.accounts = accounts;
        this.tenants = tenants;
        this.stripe = stripe;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * A page of the order ledger, newest first (abandoned and expired checkouts left out).
     *
     * @param cursor the {@code nextCursor} of the previous page, or null for the first
     * @param limit 1 to {@value #MAX_PAGE_SIZE}
     */
    @PreAuthorize("hasRole('COACH')")
    public OrdersPage orders(@Nullable String cursor, int limit) {
        TenantContext.require();
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("The page size must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        Instant afterCreated = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            Cursor decoded = Cursor.decode(cursor, 2);
            try {
                afterCreated = Instant.parse(decoded.values().get(0));
                afterId = UUID.fromString(decoded.values().get(1));
            } catch (RuntimeException e) {
                throw new Cursor.InvalidCursorException(cursor);
            }
        }
        Instant created = afterCreated;
        UUID id = afterId;
        List<OrderView> rows = readOnly.execute(status -> queries.orders(created, id, limit + 1));
        if (rows.size() <= limit) {
            return new OrdersPage(rows, null);
        }
        List<OrderView> page = rows.subList(0, limit);
        OrderView last = page.getLast();
        return new OrdersPage(
                page,
                Cursor.of(last.createdAt().toString(), last.id().toString()).encode());
    }

    @PreAuthorize("hasRole('COACH')")
    public OrderView order(UUID orderId) {
        TenantContext.require();
        return readOnly.execute(status -> queries.order(orderId))
                .orElseThrow(() -> new NotFoundException("order", orderId));
    }

    /** Clients on a coaching package: current ones first, then those who left. */
    @PreAuthorize("hasRole('COACH')")
    public List<Subscriber> subscribers() {
        TenantContext.require();
        return readOnly.execute(status -> queries.subscribers());
    }

    /**
     * The last {@code months} months (this one included), oldest first, including empty months,
     * once per currency; months run in the business's time zone.
     */
    @PreAuthorize("hasRole('COACH')")
    public List<MonthlyRevenue> monthlyRevenue(int months) {
        TenantId tenantId = TenantContext.require();
        if (months < 1 || months > MAX_MONTHS) {
            throw new IllegalArgumentException("Revenue covers 1 to " + MAX_MONTHS + " months.");
        }
        Tenant tenant = tenants.findById(tenantId).orElseThrow(TenantContext.NoTenantException::new);
        ZoneId zone = ZoneId.of(tenant.timeZone());
        YearMonth to = YearMonth.now(clock.withZone(zone));
        YearMonth from = to.minusMonths(months - 1L);
        Instant since = from.atDay(1).atStartOfDay(zone).toInstant();
        return readOnly.execute(status -> Revenue.byMonth(
                queries.paidSince(since), queries.refundedSince(since), from, to, zone, tenant.currency()));
    }

    /**
     * Owner only: refunds {@code amountMinor} of a paid order (all that is left when null).
     *
     * @throws IllegalArgumentException when the amount is not positive or more than is refundable
     * @throws RefundNotPossibleException when the order is not paid or nothing is left to refund
     * @throws PaymentProviderException when Stripe refuses; the refund is then marked failed
     */
    @PreAuthorize("hasRole('COACH')")
    public RefundView refund(UUID orderId, @Nullable Long amountMinor, @Nullable String reason) {
        TenantId tenant = TenantContext.require();
        if (!access.currentUserIsOwner()) {
            throw new AccessDeniedException("Only the owner of the business may refund orders.");
        }
        String cleanReason = reason == null || reason.isBlank() ? null : reason.trim();
        if (cleanReason != null && cleanReason.length() > 500) {
            throw new IllegalArgumentException("The reason can be at most 500 characters.");
        }
        PaymentAccount account = accounts.find(tenant)
                .filter(a -> a.stripeAccountId() != null)
                .orElseThrow(
                        () -> new RefundNotPossibleException("The business has no Stripe account to refund from."));
        UUID requestedBy = CurrentUsers.require().userId();
        UUID refundId = Ids.newId(clock);
        record Request(
                RefundView refund,
                @Nullable String chargeId,
                @Nullable String paymentIntentId) {}
        Request request = transaction.execute(status -> {
            OrdersRecord order = queries.lockOrder(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
            if (!REFUNDABLE.contains(order.getStatus())) {
                throw new RefundNotPossibleException("Only paid orders can be refunded; this one is "
                        + order.getStatus().replace('_', ' ') + ".");
            }
            long refundable = order.getAmountTotalMinor()
                    - Math.max(order.getRefundedMinor(), queries.refundsInFlightOrDone(orderId));
            if (refundable <= 0) {
                throw new RefundNotPossibleException("Everything paid for this order is refunded or being refunded.");
            }
            long amount = amountMinor == null ? refundable : amountMinor;
            if (amount <= 0) {
                throw new IllegalArgumentException("A refund must be a positive amount.");
            }
            if (amount > refundable) {
                throw new IllegalArgumentException("At most " + refundable + " (minor units of " + order.getCurrency()
                        + ") can still be refunded; " + amount + " was asked.");
            }
            if (order.getStripeChargeId() == null && order.getStripePaymentIntentId() == null) {
                throw new RefundNotPossibleException("Stripe has not reported this order's payment yet.");
            }
            return new Request(
                    queries.insertPendingRefund(
                            refundId, orderId, amount, order.getCurrency(), cleanReason, requestedBy),
                    order.getStripeChargeId(),
                    order.getStripePaymentIntentId());
        });
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setAmount(request.refund().amountMinor())
                .putMetadata(StripeReader.REFUND_METADATA, refundId.toString())
                .putMetadata("loadwise_order", orderId.toString());
        if (request.chargeId() != null) {
            params.setCharge(request.chargeId());
        } else {
            params.setPaymentIntent(request.paymentIntentId());
        }
        Refund refund;
        try {
            // The key is our refund's id: a retried request (stripe-java's, or ours) never refunds twice.
            refund = stripe.v1()
                    .refunds()
                    .create(params.build(), StripeRequests.onAccount(account.stripeAccountId(), "refund:" + refundId));
        } catch (StripeException e) {
            log.warn("Stripe refused refund {} of order {}: {}", refundId, orderId, e.getMessage());
            transaction.executeWithoutResult(status -> queries.markRefundFailed(refundId));
            throw new PaymentProviderException("Stripe did not refund: " + e.getMessage(), e);
        }
        transaction.executeWithoutResult(
                status -> queries.recordStripeRefund(refundId, refund.getId(), refund.getStatus()));
        return readOnly.execute(status -> queries.refund(refundId)).orElseThrow();
    }

    @PreAuthorize("hasRole('COACH')")
    public List<RefundView> refunds(UUID orderId) {
        TenantContext.require();
        return readOnly.execute(status -> {
            if (queries.order(orderId).isEmpty()) {
                throw new NotFoundException("order", orderId);
            }
            return queries.refunds(orderId);
        });
    }
}
