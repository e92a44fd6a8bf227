package io.loadwise.billing.storefront;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.OFFER_FILES;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.PAYMENT_ACCOUNTS;
import static io.loadwise.jooq.Tables.PROMOTION_CODES;
import static io.loadwise.jooq.Tables.SUBSCRIPTIONS;

import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.TestTenants;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Storefront data written straight into the database, as the catalog, connect and webhook parts
 * of billing would leave it: a business with a connected account, offers synced to Stripe prices,
 * promotion codes, clients, and paid orders with their entitlements.
 */
final class StorefrontSeeds {

    private StorefrontSeeds() {}

    /** A business selling through {@code stripeAccountId}; charges enabled when {@code selling}. */
    static Tenant business(String name, String stripeAccountId, boolean selling) {
        Tenant tenant = TestTenants.create(name);
        TestTenants.seed(tenant.id(), db -> db.insertInto(PAYMENT_ACCOUNTS)
                .set(PAYMENT_ACCOUNTS.TENANT_ID, tenant.id().value())
                .set(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID, stripeAccountId)
                .set(PAYMENT_ACCOUNTS.CHARGES_ENABLED, selling)
                .set(PAYMENT_ACCOUNTS.PAYOUTS_ENABLED, selling)
                .set(PAYMENT_ACCOUNTS.DETAILS_SUBMITTED, true)
                .set(PAYMENT_ACCOUNTS.FEE_BASIS_POINTS, 250)
                .set(PAYMENT_ACCOUNTS.FEE_FIXED_MINOR, 30L)
                .set(PAYMENT_ACCOUNTS.CREATED_AT, OffsetDateTime.now())
                .set(PAYMENT_ACCOUNTS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return tenant;
    }

    static UUID guide(Tenant tenant, String title, long priceMinor, @Nullable String stripePriceId, boolean withPdf) {
        UUID id = offer(tenant, "guide", title, priceMinor, null, null, stripePriceId, true);
        if (withPdf) {
            byte[] pdf = pdf(title, 3);
            TestTenants.seed(tenant.id(), db -> db.insertInto(OFFER_FILES)
                    .set(OFFER_FILES.TENANT_ID, tenant.id().value())
                    .set(OFFER_FILES.OFFER_ID, id)
                    .set(OFFER_FILES.PURPOSE, "guide_pdf")
                    .set(OFFER_FILES.FILE_NAME, "guide.pdf")
                    .set(OFFER_FILES.CONTENT_TYPE, "application/pdf")
                    .set(OFFER_FILES.SIZE_BYTES, pdf.length)
                    .set(OFFER_FILES.SHA256, "0".repeat(64))
                    .set(OFFER_FILES.CONTENT, pdf)
                    .set(OFFER_FILES.UPLOADED_AT, OffsetDateTime.now())
                    .execute());
        }
        return id;
    }

    static UUID coaching(
            Tenant tenant, String title, long priceMinor, String stripePriceId, @Nullable Integer trialDays) {
        return offer(tenant, "coaching", title, priceMinor, "month", trialDays, stripePriceId, true);
    }

    static UUID offer(
            Tenant tenant,
            String kind,
            String title,
            long priceMinor,
            @Nullable String interval,
            @Nullable Integer trialDays,
            @Nullable String stripePriceId,
            boolean active) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> db.insertInto(OFFERS)
                .set(OFFERS.TENANT_ID, tenant.id().value())
                .set(OFFERS.ID, id)
                .set(OFFERS.KIND, kind)
                .set(OFFERS.TITLE, title)
                .set(OFFERS.SUMMARY, "What " + title + " is about")
                .set(OFFERS.PRICE_MINOR, priceMinor)
                .set(OFFERS.CURRENCY, tenant.currency())
                .set(OFFERS.BILLING_INTERVAL, interval)
                .set(OFFERS.TRIAL_DAYS, trialDays)
                .set(OFFERS.ACTIVE, active)
                .set(OFFERS.STRIPE_PRICE_ID, stripePriceId)
                .set(OFFERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }

    static void archive(Tenant tenant, UUID offerId) {
        TestTenants.seed(tenant.id(), db -> db.update(OFFERS)
                .set(OFFERS.ACTIVE, false)
                .where(OFFERS.ID.eq(offerId))
                .execute());
    }

    static void percentOffCode(
            Tenant tenant, String code, int percentOff, String stripePromotionCodeId, boolean active) {
        TestTenants.seed(tenant.id(), db -> db.insertInto(PROMOTION_CODES)
                .set(PROMOTION_CODES.TENANT_ID, tenant.id().value())
                .set(PROMOTION_CODES.ID, UUID.randomUUID())
                .set(PROMOTION_CODES.CODE, code)
                .set(PROMOTION_CODES.PERCENT_OFF, percentOff)
                .set(PROMOTION_CODES.ACTIVE, active)
                .set(PROMOTION_CODES.STRIPE_COUPON_ID, "coupon_" + code)
                .set(PROMOTION_CODES.STRIPE_PROMOTION_CODE_ID, stripePromotionCodeId)
                .set(PROMOTION_CODES.CREATED_AT, OffsetDateTime.now())
                .execute());
    }

    /** A client with a login (a member with role client) on the business's roster. */
    static UUID client(Tenant tenant, UUID userId, String name, String email) {
        UUID member = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> {
            db.insertInto(MEMBERS)
                    .set(MEMBERS.TENANT_ID, tenant.id().value())
                    .set(MEMBERS.ID, member)
                    .set(MEMBERS.USER_ID, userId)
                    .set(MEMBERS.ROLE, "client")
                    .set(MEMBERS.EMAIL, email)
                    .set(MEMBERS.DISPLAY_NAME, name)
                    .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                    .execute();
            db.insertInto(CLIENTS)
                    .set(CLIENTS.TENANT_ID, tenant.id().value())
                    .set(CLIENTS.ID, client)
                    .set(CLIENTS.MEMBER_ID, member)
                    .set(CLIENTS.DISPLAY_NAME, name)
                    .set(CLIENTS.EMAIL, email)
                    .set(CLIENTS.STATUS, "active")
                    .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                    .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                    .execute();
        });
        return client;
    }

    /** What the webhook leaves behind for a paid guide: the paid order and its active entitlement. */
    static PaidGuide paidGuide(
            Tenant tenant, UUID offerId, UUID clientId, String buyerName, String buyerEmail, String sessionId) {
        UUID order = UUID.randomUUID();
        UUID entitlement = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> {
            db.insertInto(ORDERS)
                    .set(ORDERS.TENANT_ID, tenant.id().value())
                    .set(ORDERS.ID, order)
                    .set(ORDERS.OFFER_ID, offerId)
                    .set(ORDERS.KIND, "guide")
                    .set(ORDERS.CLIENT_ID, clientId)
                    .set(ORDERS.BUYER_EMAIL, buyerEmail)
                    .set(ORDERS.BUYER_NAME, buyerName)
                    .set(ORDERS.STATUS, "paid")
                    .set(ORDERS.CURRENCY, tenant.currency())
                    .set(ORDERS.AMOUNT_SUBTOTAL_MINOR, 2900L)
                    .set(ORDERS.AMOUNT_TOTAL_MINOR, 2900L)
                    .set(ORDERS.APPLICATION_FEE_MINOR, 102L)
                    .set(ORDERS.STRIPE_CHECKOUT_SESSION_ID, sessionId)
                    .set(ORDERS.CREATED_AT, OffsetDateTime.now())
                    .set(ORDERS.PAID_AT, OffsetDateTime.now())
                    .set(ORDERS.UPDATED_AT, OffsetDateTime.now())
                    .execute();
            db.insertInto(ENTITLEMENTS)
                    .set(ENTITLEMENTS.TENANT_ID, tenant.id().value())
                    .set(ENTITLEMENTS.ID, entitlement)
                    .set(ENTITLEMENTS.CLIENT_ID, clientId)
                    .set(ENTITLEMENTS.OFFER_ID, offerId)
                    .set(ENTITLEMENTS.KIND, "guide_download")
                    .set(ENTITLEMENTS.ORDER_ID, order)
                    .set(ENTITLEMENTS.GRANTED_AT, OffsetDateTime.now())
                    .execute();
        });
        return new PaidGuide(order, entitlement);
    }

    /** As a full refund or a lost dispute leaves it. */
    static void revoke(Tenant tenant, UUID entitlementId) {
        TestTenants.seed(tenant.id(), db -> db.update(ENTITLEMENTS)
                .set(ENTITLEMENTS.STATUS, "revoked")
                .set(ENTITLEMENTS.ENDED_AT, OffsetDateTime.now())
                .set(ENTITLEMENTS.END_REASON, "refunded")
                .where(ENTITLEMENTS.ID.eq(entitlementId))
                .execute());
    }

    record PaidGuide(UUID orderId, UUID entitlementId) {}

    /** An order in {@code status}, as the webhook handlers leave it, without any entitlement. */
    static UUID order(
            Tenant tenant,
            UUID offerId,
            String kind,
            String status,
            String sessionId,
            @Nullable String stripeSubscriptionId) {
        UUID order = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> db.insertInto(ORDERS)
                .set(ORDERS.TENANT_ID, tenant.id().value())
                .set(ORDERS.ID, order)
                .set(ORDERS.OFFER_ID, offerId)
                .set(ORDERS.KIND, kind)
                .set(ORDERS.BUYER_EMAIL, "buyer@example.com")
                .set(ORDERS.STATUS, status)
                .set(ORDERS.CURRENCY, tenant.currency())
                .set(ORDERS.STRIPE_CHECKOUT_SESSION_ID, sessionId)
                .set(ORDERS.STRIPE_SUBSCRIPTION_ID, stripeSubscriptionId)
                .set(ORDERS.CREATED_AT, OffsetDateTime.now())
                .set(ORDERS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return order;
    }

    /** A coaching subscription and the access it grants, as the subscription webhooks leave them. */
    static void activeSubscription(Tenant tenant, UUID offerId, UUID clientId, String stripeSubscriptionId) {
        UUID subscription = UUID.randomUUID();
        TestTenants.seed(tenant.id(), db -> {
            db.insertInto(SUBSCRIPTIONS)
                    .set(SUBSCRIPTIONS.TENANT_ID, tenant.id().value())
                    .set(SUBSCRIPTIONS.ID, subscription)
                    .set(SUBSCRIPTIONS.STRIPE_SUBSCRIPTION_ID, stripeSubscriptionId)
                    .set(SUBSCRIPTIONS.STRIPE_CUSTOMER_ID, "cus_test")
                    .set(SUBSCRIPTIONS.CLIENT_ID, clientId)
                    .set(SUBSCRIPTIONS.OFFER_ID, offerId)
                    .set(SUBSCRIPTIONS.STATUS, "trialing")
                    .set(SUBSCRIPTIONS.AMOUNT_MINOR, 14900L)
                    .set(SUBSCRIPTIONS.CURRENCY, tenant.currency())
                    .set(SUBSCRIPTIONS.BILLING_INTERVAL, "month")
                    .set(SUBSCRIPTIONS.STARTED_AT, OffsetDateTime.now())
                    .set(SUBSCRIPTIONS.UPDATED_AT, OffsetDateTime.now())
                    .execute();
            db.insertInto(ENTITLEMENTS)
                    .set(ENTITLEMENTS.TENANT_ID, tenant.id().value())
                    .set(ENTITLEMENTS.ID, UUID.randomUUID())
                    .set(ENTITLEMENTS.CLIENT_ID, clientId)
                    .set(ENTITLEMENTS.OFFER_ID, offerId)
                    .set(ENTITLEMENTS.KIND, "coaching")
                    .set(ENTITLEMENTS.SUBSCRIPTION_ID, subscription)
                    .set(ENTITLEMENTS.GRANTED_AT, OffsetDateTime.now())
                    .execute();
        });
    }

    static byte[] pdf(String title, int pages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document();
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.open();
        for (int page = 1; page <= pages; page++) {
            if (page > 1) {
                document.newPage();
            }
            document.add(new Paragraph(title + ", page " + page));
        }
        document.close();
        return out.toByteArray();
    }
}
