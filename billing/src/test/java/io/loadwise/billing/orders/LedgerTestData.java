package io.loadwise.billing.orders;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.MEMBERS;
import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.ORDERS;
import static io.loadwise.jooq.Tables.PAYMENT_ACCOUNTS;

import io.loadwise.catalog.OfferKind;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.TestTenants;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Rows a billing test starts from, written as the application role with the tenant bound. */
public final class LedgerTestData {

    private LedgerTestData() {}

    public static UUID offer(
            TenantId tenant, OfferKind kind, long priceMinor, String currency, @Nullable Integer trialDays) {
        return offer(tenant, kind, priceMinor, currency, trialDays, null);
    }

    /** An offer synced to a price on the business's connected account. */
    public static UUID offer(
            TenantId tenant,
            OfferKind kind,
            long priceMinor,
            String currency,
            @Nullable Integer trialDays,
            @Nullable String stripePriceId) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(OFFERS)
                .set(OFFERS.TENANT_ID, tenant.value())
                .set(OFFERS.ID, id)
                .set(OFFERS.KIND, kind.dbValue())
                .set(
                        OFFERS.TITLE,
                        switch (kind) {
                            case GUIDE -> "Return-to-run guide";
                            case CUSTOM_PLAN -> "Custom plan";
                            case COACHING -> "Monthly coaching";
                        })
                .set(OFFERS.SUMMARY, "For tests")
                .set(OFFERS.PRICE_MINOR, priceMinor)
                .set(OFFERS.CURRENCY, currency)
                .set(OFFERS.BILLING_INTERVAL, kind == OfferKind.COACHING ? "month" : null)
                .set(OFFERS.TRIAL_DAYS, trialDays)
                .set(OFFERS.STRIPE_PRICE_ID, stripePriceId)
                .set(OFFERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }

    /** A guide's PDF, without which a guide cannot be bought. */
    public static void guidePdf(TenantId tenant, UUID offerId) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.openpdf.text.Document document = new org.openpdf.text.Document();
        org.openpdf.text.pdf.PdfWriter.getInstance(document, out);
        document.open();
        document.add(new org.openpdf.text.Paragraph("Return-to-run guide"));
        document.close();
        byte[] pdf = out.toByteArray();
        TestTenants.seed(tenant, db -> db.insertInto(io.loadwise.jooq.Tables.OFFER_FILES)
                .set(io.loadwise.jooq.Tables.OFFER_FILES.TENANT_ID, tenant.value())
                .set(io.loadwise.jooq.Tables.OFFER_FILES.OFFER_ID, offerId)
                .set(io.loadwise.jooq.Tables.OFFER_FILES.PURPOSE, "guide_pdf")
                .set(io.loadwise.jooq.Tables.OFFER_FILES.FILE_NAME, "guide.pdf")
                .set(io.loadwise.jooq.Tables.OFFER_FILES.CONTENT_TYPE, "application/pdf")
                .set(io.loadwise.jooq.Tables.OFFER_FILES.SIZE_BYTES, pdf.length)
                .set(io.loadwise.jooq.Tables.OFFER_FILES.SHA256, "0".repeat(64))
                .set(io.loadwise.jooq.Tables.OFFER_FILES.CONTENT, pdf)
                .set(io.loadwise.jooq.Tables.OFFER_FILES.UPLOADED_AT, OffsetDateTime.now())
                .execute());
    }

    /** A member of the business ({@code role} owner, coach or client) signing in as {@code userId}. */
    public static UUID member(TenantId tenant, UUID userId, String role, String email) {
        UUID member = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(MEMBERS)
                .set(MEMBERS.TENANT_ID, tenant.value())
                .set(MEMBERS.ID, member)
                .set(MEMBERS.USER_ID, userId)
                .set(MEMBERS.ROLE, role)
                .set(MEMBERS.EMAIL, email)
                .set(MEMBERS.DISPLAY_NAME, role + " " + email)
                .set(MEMBERS.CREATED_AT, OffsetDateTime.now())
                .execute());
        return member;
    }

    /** A client on the roster who signs in as {@code userId}. */
    public static UUID client(TenantId tenant, UUID userId, String email, String name) {
        UUID member = member(tenant, userId, "client", email);
        UUID client = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(CLIENTS)
                .set(CLIENTS.TENANT_ID, tenant.value())
                .set(CLIENTS.ID, client)
                .set(CLIENTS.MEMBER_ID, member)
                .set(CLIENTS.DISPLAY_NAME, name)
                .set(CLIENTS.EMAIL, email)
                .set(CLIENTS.STATUS, "active")
                .set(CLIENTS.CREATED_AT, OffsetDateTime.now())
                .set(CLIENTS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return client;
    }

    public static void paymentAccount(TenantId tenant, String stripeAccountId) {
        TestTenants.seed(tenant, db -> db.insertInto(PAYMENT_ACCOUNTS)
                .set(PAYMENT_ACCOUNTS.TENANT_ID, tenant.value())
                .set(PAYMENT_ACCOUNTS.STRIPE_ACCOUNT_ID, stripeAccountId)
                .set(PAYMENT_ACCOUNTS.CHARGES_ENABLED, true)
                .set(PAYMENT_ACCOUNTS.PAYOUTS_ENABLED, true)
                .set(PAYMENT_ACCOUNTS.DETAILS_SUBMITTED, true)
                .set(PAYMENT_ACCOUNTS.FEE_BASIS_POINTS, 500)
                .set(PAYMENT_ACCOUNTS.CREATED_AT, OffsetDateTime.now())
                .set(PAYMENT_ACCOUNTS.UPDATED_AT, OffsetDateTime.now())
                .execute());
    }

    /** The pending order the checkout inserts when it creates the session. */
    public static UUID pendingOrder(TenantId tenant, UUID offerId, OfferKind kind, String currency) {
        UUID id = UUID.randomUUID();
        TestTenants.seed(tenant, db -> db.insertInto(ORDERS)
                .set(ORDERS.TENANT_ID, tenant.value())
                .set(ORDERS.ID, id)
                .set(ORDERS.OFFER_ID, offerId)
                .set(ORDERS.KIND, kind.dbValue())
                .set(ORDERS.BUYER_EMAIL, "")
                .set(ORDERS.STATUS, "pending")
                .set(ORDERS.CURRENCY, currency)
                .set(ORDERS.CREATED_AT, OffsetDateTime.now())
                .set(ORDERS.UPDATED_AT, OffsetDateTime.now())
                .execute());
        return id;
    }

    /** A pending order already linked to its checkout session. */
    public static void pendingOrder(
            TenantId tenant, UUID id, UUID offerId, OfferKind kind, String currency, String sessionId) {
        TestTenants.seed(tenant, db -> db.insertInto(ORDERS)
                .set(ORDERS.TENANT_ID, tenant.value())
                .set(ORDERS.ID, id)
                .set(ORDERS.OFFER_ID, offerId)
                .set(ORDERS.KIND, kind.dbValue())
                .set(ORDERS.BUYER_EMAIL, "")
                .set(ORDERS.STATUS, "pending")
                .set(ORDERS.CURRENCY, currency)
                .set(ORDERS.STRIPE_CHECKOUT_SESSION_ID, sessionId)
                .set(ORDERS.CREATED_AT, OffsetDateTime.now())
                .set(ORDERS.UPDATED_AT, OffsetDateTime.now())
                .execute());
    }

    /** Links the pending order to its checkout session, as the checkout does after creating it. */
    public static void linkSession(TenantId tenant, UUID orderId, String sessionId) {
        TestTenants.seed(tenant, db -> db.update(ORDERS)
                .set(ORDERS.STRIPE_CHECKOUT_SESSION_ID, sessionId)
                .where(ORDERS.ID.eq(orderId))
                .execute());
    }
}
