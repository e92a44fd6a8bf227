package io.loadwise.ui;

import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.OFFER_FILES;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.PAYMENT_ACCOUNTS;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;

import io.loadwise.catalog.OfferKind;
import io.loadwise.testsupport.TestTenants;
import io.loadwise.ui.UiTestData.SeededTenant;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Seeds commerce rows (schema V5) straight into PostgreSQL for the billing views: payment accounts,
 * catalog entries with covers, orders, entitlements and subscriptions, as the webhook handlers
 * would have left them. Each write binds its tenant first, as row level security demands.
 */
public final class CommerceTestData {

    /** A tiny valid PNG (1×1, transparent). */
    public static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private CommerceTestData() {}

    public static void paymentAccount(
            SeededTenant tenant,
            @Nullable String stripeAccountId,
            boolean chargesEnabled,
            int feeBasisPoints,
            long feeFixedMinor) {
        OffsetDateTime now = OffsetDateTime.now();
        TestTenants.seed(tenant.id(), db -> db.insertInto(PAYMENT_ACCOUNTS)
                .set(PAYMENT_ACCOUNTS.TENANT_ID, tenant.id().value())
                .set(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID, stripeAccountId)
                .set(PAYMENT_ACCOUNTS.CHARGES_ENABLED, chargesEnabled)
                .set(PAYMENT_ACCOUNTS.PAYOUTS_ENABLED, chargesEnabled)
                .set(PAYMENT_ACCOUNTS.DETAILS_SUBMITTED, chargesEnabled)
                .set(PAYMENT_ACCOUNTS.REQUIREMENTS_DUE, chargesEnabled ? null : "external_account,tos_acceptance.date")
                .set(PAYMENT_ACCOUNTS.FEE_BASIS_POINTS, feeBasisPoints)
                .set(PAYMENT_ACCOUNTS.FEE_FIXED_MINOR, feeFixedMinor)
                .set(PAYMENT_ACCOUNTS.CREATED_AT, now)
                .set(PAYMENT_ACCOUNTS.UPDATED_AT, now)
                .execute());
    }

    /** An active catalog entry with the storefront details; a cover when {@code cover} is set. */
    public static UUID offer(
            SeededTenant tenant,
            OfferKind kind,
            String title,
            long priceMinor,
            String currency,
            @Nullable String billingInterval,
            @Nullable String description,
            @Nullable Integer pageCount,
            @Nullable Integer trialDays,
            int position,
            boolean cover) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        TestTenants.seed(tenant.id(), db -> {
            db.insertInto(OFFERS)
                    .set(OFFERS.TENANT_ID, tenant.id().value())
                    .set(OFFERS.ID, id)
                    .set(OFFERS.KIND, kind.dbValue())
                    .set(OFFERS.TITLE, title)
                    .set(OFFERS.SUMMARY, "About " + title)
                    .set(OFFERS.DESCRIPTION, description)
                    .set(OFFERS.PAGE_COUNT, pageCount)
                    .set(OFFERS.TRIAL_DAYS, trialDays)
                    .set(OFFERS.PRICE_MINOR, priceMinor)
                    .set(OFFERS.CURRENCY, currency)
                    .set(OFFERS.BILLING_INTERVAL, billingInterval)
                    .set(OFFERS.POSITION, position)
                    .set(OFFERS.ACTIVE, true)
                    .set(OFFERS.CREATED_AT, now)
                    .set(OFFERS.UPDATED_AT, now)
                    .execute();
            if (cover) {
                db.insertInto(OFFER_FILES)
                        .set(OFFER_FILES.TENANT_ID, tenant.id().value())
                        .set(OFFER_FILES.OFFER_ID, id)
                        .set(OFFER_FILES.PURPOSE, "cover")
                        .set(OFFER_FILES.FILE_NAME, "cover.png")
                        .set(OFFER_FILES.CONTENT_TYPE, "image/png")
                        .set(OFFER_FILES.SIZE_BYTES, PNG.length)
                        .set(OFFER_FILES.SHA256, "0".repeat(64))
                        .set(OFFER_FILES.CONTENT, PNG)
                        .set(OFFER_FILES.UPLOADED_AT, now)
                        .execute();
            }
        });
        return id;
    }

    /** An order as the checkout and webhook handlers record it. */
    public static UUID order(
            SeededTenant tenant,
            @Nullable UUID offerId,
            OfferKind kind,
            @Nullable UUID clientId,
            String buyerEmail,
            @Nullable String buyerName,
            String status,
            String currency,
            long totalMinor,
            long refundedMinor,
            long feeMinor,
            @Nullable String checkoutSessionId,
            Instant createdAt) {
        UUID id = UUID.randomUUID();
        OffsetDateTime created = createdAt.atOffset(ZoneOffset.UTC);
        boolean paid = !status.equals("pending") && !status.equals("failed") && !status.equals("expired");
        TestTenants.seed(tenant.id(), db -> db.insertInto(ORDERS)
                .set(ORDERS.TENANT_ID, tenant.id().value())
                .set(ORDERS.ID, id)
                .set(ORDERS.OFFER_ID, offerId)
                .set(ORDERS.KIND, kind.dbValue())
                .set(ORDERS.CLIENT_ID, clientId)
                .set(ORDERS.BUYER_EMAIL, buyerEmail.toLowerCase(Locale.ROOT))
                .set(ORDERS.BUYER_NAME, buyerName)
                .set(ORDERS.STATUS, status)
                .set(ORDERS.CURRENCY, currency)
                .set(ORDERS.AMOUNT_SUBTOTAL_MINOR, totalMinor)
                .set(ORDERS.AMOUNT_TOTAL_MINOR, totalMinor)
                .set(ORDERS.REFUNDED_MINOR, refundedMinor)
                .set(ORDERS.APPLICATION_FEE_MINOR, feeMinor)
                .set(ORDERS.STRIPE_CHECKOUT_SESSION_ID, checkoutSessionId)
                .set(
                        ORDERS.STRIPE_PAYMENT_INTENT_ID,
                        paid ? "pi_" + id.toString().substring(0, 8) : null)
                .set(ORDERS.STRIPE_CHARGE_ID, paid ? "ch_" + id.toString().substring(0, 8) : null)
                .set(ORDERS.CREATED_AT, created)
                .set(ORDERS.PAID_AT, paid ? created : null)
                .set(ORDERS.UPDATED_AT, created)
                .execute());
        return id;
    }

    public static UUID entitlement(
            SeededTenant tenant,
            UUID clientId,
            @Nullable UUID offerId,
            String kind,
            @Nullable UUID orderId,
            @Nullable UUID subscriptionId,
            String status,
            Instant grantedAt) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> db.insertInto(ENTITLEMENTS)
                .set(ENTITLEMENTS.TENANT_ID, tenant.id().value())
                .set(ENTITLEMENTS.ID, id)
                .set(ENTITLEMENTS.CLIENT_ID, clientId)
                .set(ENTITLEMENTS.OFFER_ID, offerId)
                .set(ENTITLEMENTS.KIND, kind)
                .set(ENTITLEMENTS.ORDER_ID, orderId)
                .set(ENTITLEMENTS.SUBSCRIPTION_ID, subscriptionId)
                .set(ENTITLEMENTS.STATUS, status)
                .set(ENTITLEMENTS.GRANTED_AT, grantedAt.atOffset(ZoneOffset.UTC))
                .set(ENTITLEMENTS.ENDED_AT, status.equals("active") ? null : grantedAt.atOffset(ZoneOffset.UTC))
                .set(ENTITLEMENTS.END_REASON, status.equals("revoked") ? "refunded" : null)
                .execute());
        return id;
    }

    public static UUID subscription(
            SeededTenant tenant,
            UUID clientId,
            @Nullable UUID offerId,
            String status,
            long amountMinor,
            String currency,
            String interval,
            @Nullable Instant currentPeriodEnd,
            @Nullable Instant trialEnd,
            boolean cancelAtPeriodEnd,
            Instant startedAt) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> db.insertInto(SUBSCRIPTIONS)
                .set(SUBSCRIPTIONS.TENANT_ID, tenant.id().value())
                .set(SUBSCRIPTIONS.ID, id)
                .set(
                        SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID,
                        "sub_" + id.toString().replace("-", "").substring(0, 14))
                .set(
                        SUBSCRIPTIONS.STRIPE_CUSTOMER_ID,
                        "cus_" + id.toString().replace("-", "").substring(0, 14))
                .set(SUBSCRIPTIONS.CLIENT_ID, clientId)
                .set(SUBSCRIPTIONS.OFFER_ID, offerId)
                .set(SUBSCRIPTIONS.STATUS, status)
                .set(SUBSCRIPTIONS.AMOUNT_MINOR, amountMinor)
                .set(SUBSCRIPTIONS.CURRENCY, currency)
                .set(SUBSCRIPTIONS.BILLING_INTERVAL, interval)
                .set(SUBSCRIPTIONS.CANCEL_AT_PERIOD_END, cancelAtPeriodEnd)
                .set(
                        SUBSCRIPTIONS.CURRENT_PERIOD_END,
                        currentPeriodEnd == null ? null : currentPeriodEnd.atOffset(ZoneOffset.UTC))
                .set(SUBSCRIPTIONS.TRIAL_END, trialEnd == null ? null : trialEnd.atOffset(ZoneOffset.UTC))
                .set(SUBSCRIPTIONS.STARTED_AT, startedAt.atOffset(ZoneOffset.UTC))
                .set(SUBSCRIPTIONS.UPDATED_AT, startedAt.atOffset(ZoneOffset.UTC))
                .execute());
        return id;
    }
}
