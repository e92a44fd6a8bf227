package io.loadwise.billing.catalog.internal;

import static io.loadwise.jooq.Tables.PROMOTION_CODES;

import io.loadwise.billing.catalog.PromotionCode;
import io.loadwise.billing.catalog.PromotionCodeDraft;
import io.loadwise.jooq.tables.records.PromotionCodesRecord;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The bound tenant's promotion codes and their Stripe counterparts. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class PromotionCodeRepository {

    private final DSLContext db;
    private final Clock clock;

    PromotionCodeRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<PromotionCode> list() {
        return db.selectFrom(PROMOTION_CODES)
                .orderBy(PROMOTION_CODES.ACTIVE.desc(), PROMOTION_CODES.CREATED_AT.desc(), PROMOTION_CODES.ID)
                .fetch(PromotionCodeRepository::toCode);
    }

    public Optional<PromotionCode> find(UUID id) {
        return row(id).map(PromotionCodeRepository::toCode);
    }

    public Optional<PromotionCodesRecord> row(UUID id) {
        return db.selectFrom(PROMOTION_CODES).where(PROMOTION_CODES.ID.eq(id)).fetchOptional();
    }

    public boolean codeTaken(String code) {
        return db.fetchExists(PROMOTION_CODES, PROMOTION_CODES.CODE.eq(code));
    }

    public void insert(UUID id, PromotionCodeDraft draft, @Nullable String currency) {
        db.insertInto(PROMOTION_CODES)
                .set(PROMOTION_CODES.TENANT_ID, TenantContext.require().value())
                .set(PROMOTION_CODES.ID, id)
                .set(PROMOTION_CODES.CODE, draft.code())
                .set(PROMOTION_CODES.PERCENT_OFF, draft.percentOff())
                .set(PROMOTION_CODES.AMOUNT_OFF_MINOR, draft.amountOffMinor())
                .set(PROMOTION_CODES.CURRENCY, currency)
                .set(PROMOTION_CODES.MAX_REDEMPTIONS, draft.maxRedemptions())
                .set(
                        PROMOTION_CODES.EXPIRES_AT,
                        draft.expiresAt() == null ? null : draft.expiresAt().atOffset(ZoneOffset.UTC))
                .set(PROMOTION_CODES.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .execute();
    }

    public void setStripeCoupon(UUID id, String couponId) {
        db.update(PROMOTION_CODES)
                .set(PROMOTION_CODES.STRIPE_COUPON_ID, couponId)
                .where(PROMOTION_CODES.ID.eq(id))
                .execute();
    }

    public void setStripePromotionCode(UUID id, String promotionCodeId) {
        db.update(PROMOTION_CODES)
                .set(PROMOTION_CODES.STRIPE_PROMOTION_CODE_ID, promotionCodeId)
                .set(PROMOTION_CODES.SYNC_ERROR, (String) null)
                .where(PROMOTION_CODES.ID.eq(id))
                .execute();
    }

    public void markSyncError(UUID id, @Nullable String error) {
        db.update(PROMOTION_CODES)
                .set(PROMOTION_CODES.SYNC_ERROR, error == null ? null : ProductRepository.shorten(error, 500))
                .where(PROMOTION_CODES.ID.eq(id))
                .execute();
    }

    public void deactivate(UUID id) {
        db.update(PROMOTION_CODES)
                .set(PROMOTION_CODES.ACTIVE, false)
                .where(PROMOTION_CODES.ID.eq(id))
                .execute();
    }

    /** Active codes not on Stripe yet. */
    public List<UUID> unsynced() {
        return db.select(PROMOTION_CODES.ID)
                .from(PROMOTION_CODES)
                .where(PROMOTION_CODES.ACTIVE.isTrue())
                .and(PROMOTION_CODES.STRIPE_PROMOTION_CODE_ID.isNull())
                .fetch(PROMOTION_CODES.ID);
    }

    /** The Stripe id of an active, unexpired, synced code. */
    public Optional<String> activeStripeId(String code, Instant now) {
        return db.select(PROMOTION_CODES.STRIPE_PROMOTION_CODE_ID)
                .from(PROMOTION_CODES)
                .where(PROMOTION_CODES.CODE.eq(code))
                .and(PROMOTION_CODES.ACTIVE.isTrue())
                .and(PROMOTION_CODES.STRIPE_PROMOTION_CODE_ID.isNotNull())
                .and(PROMOTION_CODES
                        .EXPIRES_AT
                        .isNull()
                        .or(PROMOTION_CODES.EXPIRES_AT.gt(now.atOffset(ZoneOffset.UTC))))
                .fetchOptional(PROMOTION_CODES.STRIPE_PROMOTION_CODE_ID);
    }

    private static PromotionCode toCode(PromotionCodesRecord r) {
        return new PromotionCode(
                r.getId(),
                r.getCode(),
                r.getPercentOff(),
                r.getAmountOffMinor(),
                r.getCurrency(),
                r.getMaxRedemptions(),
                r.getExpiresAt() == null ? null : r.getExpiresAt().toInstant(),
                r.getActive(),
                r.getStripePromotionCodeId() != null,
                r.getSyncError());
    }
}
