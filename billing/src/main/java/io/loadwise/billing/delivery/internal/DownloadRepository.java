package io.loadwise.billing.delivery.internal;

import static io.loadwise.jooq.Tables.CLIENTS;
import static io.loadwise.jooq.Tables.ENTITLEMENTS;
import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.OFFER_FILES;
import static io.loadwise.jooq.Tables.ORDERS;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Guide entitlements and the files behind them, in the bound tenant (row level security). */
@Repository
public class DownloadRepository {

    static final String GUIDE_DOWNLOAD = "guide_download";
    static final String ACTIVE = "active";

    private final DSLContext db;

    DownloadRepository(DSLContext db) {
        this.db = db;
    }

    /** A guide entitlement with its order, buyer and guide title. */
    @Transactional(readOnly = true)
    public Optional<GuideEntitlement> guideEntitlement(UUID entitlementId) {
        return db.select(
                        ENTITLEMENTS.ID,
                        ENTITLEMENTS.CLIENT_ID,
                        ENTITLEMENTS.STATUS,
                        ENTITLEMENTS.END_REASON,
                        ENTITLEMENTS.ORDER_ID,
                        ENTITLEMENTS.OFFER_ID,
                        OFFERS.TITLE,
                        ORDERS.BUYER_NAME,
                        ORDERS.BUYER_EMAIL,
                        CLIENTS.DISPLAY_NAME,
                        CLIENTS.EMAIL)
                .from(ENTITLEMENTS)
                .join(ORDERS)
                .on(ORDERS.TENANT_ID.eq(ENTITLEMENTS.TENANT_ID), ORDERS.ID.eq(ENTITLEMENTS.ORDER_ID))
                .leftJoin(OFFERS)
                .on(OFFERS.TENANT_ID.eq(ENTITLEMENTS.TENANT_ID), OFFERS.ID.eq(ENTITLEMENTS.OFFER_ID))
                .leftJoin(CLIENTS)
                .on(CLIENTS.TENANT_ID.eq(ENTITLEMENTS.TENANT_ID), CLIENTS.ID.eq(ENTITLEMENTS.CLIENT_ID))
                .where(ENTITLEMENTS.ID.eq(entitlementId), ENTITLEMENTS.KIND.eq(GUIDE_DOWNLOAD))
                .fetchOptional(r -> new GuideEntitlement(
                        r.get(ENTITLEMENTS.ID),
                        r.get(ENTITLEMENTS.CLIENT_ID),
                        ACTIVE.equals(r.get(ENTITLEMENTS.STATUS)),
                        r.get(ENTITLEMENTS.END_REASON),
                        r.get(ENTITLEMENTS.ORDER_ID),
                        r.get(ENTITLEMENTS.OFFER_ID),
                        r.get(OFFERS.TITLE) == null ? "Guide" : r.get(OFFERS.TITLE),
                        firstNonBlank(r.get(ORDERS.BUYER_NAME), r.get(CLIENTS.DISPLAY_NAME)),
                        firstNonBlank(r.get(ORDERS.BUYER_EMAIL), r.get(CLIENTS.EMAIL))));
    }

    /** The active guide entitlement an order granted, if fulfilled. */
    @Transactional(readOnly = true)
    public Optional<UUID> activeGuideEntitlementOfOrder(UUID orderId) {
        return db.select(ENTITLEMENTS.ID)
                .from(ENTITLEMENTS)
                .where(
                        ENTITLEMENTS.ORDER_ID.eq(orderId),
                        ENTITLEMENTS.KIND.eq(GUIDE_DOWNLOAD),
                        ENTITLEMENTS.STATUS.eq(ACTIVE))
                .fetchOptional(ENTITLEMENTS.ID);
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> guidePdf(UUID offerId) {
        return db.select(OFFER_FILES.CONTENT)
                .from(OFFER_FILES)
                .where(OFFER_FILES.OFFER_ID.eq(offerId), OFFER_FILES.PURPOSE.eq("guide_pdf"))
                .fetchOptional(OFFER_FILES.CONTENT);
    }

    /** Counts a download, unless the entitlement was revoked in the meantime. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean countDownload(UUID entitlementId, OffsetDateTime at) {
        return db.update(ENTITLEMENTS)
                        .set(ENTITLEMENTS.DOWNLOAD_COUNT, ENTITLEMENTS.DOWNLOAD_COUNT.plus(1))
                        .set(ENTITLEMENTS.LAST_DOWNLOAD_AT, at)
                        .where(ENTITLEMENTS.ID.eq(entitlementId), ENTITLEMENTS.STATUS.eq(ACTIVE))
                        .execute()
                == 1;
    }

    private static @Nullable String firstNonBlank(@Nullable String first, @Nullable String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    /**
     * @param buyerName as Stripe reported it, else the client's roster name
     * @param buyerEmail the order's email, else the client's
     */
    public record GuideEntitlement(
            UUID id,
            UUID clientId,
            boolean active,
            @Nullable String endReason,
            UUID orderId,
            @Nullable UUID offerId,
            String guideTitle,
            @Nullable String buyerName,
            @Nullable String buyerEmail) {}
}
