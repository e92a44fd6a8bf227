package io.loadwise.billing.catalog.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductUpdateParams;
import com.stripe.param.PromotionCodeCreateParams;
import com.stripe.param.PromotionCodeUpdateParams;
import com.stripe.param.common.EmptyParam;
import io.loadwise.billing.CheckoutMetadata;
import io.loadwise.billing.StripeRequests;
import io.loadwise.jooq.tables.records.OffersRecord;
import io.loadwise.jooq.tables.records.PromotionCodesRecord;
import io.loadwise.tenancy.TenantContext;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the bound tenant's catalog to its connected account: a product per offer, a price per
 * amount and interval (Stripe prices are immutable, so a change makes a new price and deactivates
 * the old), a coupon and a promotion code per promotion code. Each Stripe id is stored as soon as
 * Stripe answered, so a failure halfway resumes where it stopped; creating calls carry idempotency
 * keys from our ids and versions.
 */
@Component
public class StripeCatalog {

    public static final String PROMOTION_METADATA = "loadwise_promotion";

    private final StripeClient stripe;
    private final ProductRepository products;
    private final PromotionCodeRepository codes;
    private final TransactionTemplate tx;

    StripeCatalog(
            StripeClient stripe, ProductRepository products, PromotionCodeRepository codes, TransactionTemplate tx) {
        this.stripe = stripe;
        this.products = products;
        this.codes = codes;
        this.tx = tx;
    }

    public void syncProduct(String account, UUID id) throws StripeException {
        OffersRecord row = tx.execute(s -> products.row(id)).orElseThrow();
        int version = row.getVersion();
        boolean active = row.getActive();
        String productId = row.getStripeProductId();
        if (productId == null && !active) {
            // Never sold: nothing to archive on Stripe.
            tx.executeWithoutResult(s -> products.markSynced(id, version));
            return;
        }
        String tenant = TenantContext.require().toString();
        String description = stripeDescription(row);
        if (productId == null) {
            ProductCreateParams.Builder params = ProductCreateParams.builder()
                    .setName(row.getTitle())
                    .setActive(true)
                    .putMetadata(CheckoutMetadata.OFFER, id.toString())
                    .putMetadata(CheckoutMetadata.TENANT, tenant);
            if (description != null) {
                params.setDescription(description);
            }
            String created = stripe.v1()
                    .products()
                    .create(params.build(), StripeRequests.onAccount(account, "offer-product:" + id + ":" + version))
                    .getId();
            tx.executeWithoutResult(s -> products.setStripeProduct(id, created));
            productId = created;
        } else {
            ProductUpdateParams.Builder params = ProductUpdateParams.builder()
                    .setName(row.getTitle())
                    .setActive(active)
                    .putMetadata(CheckoutMetadata.OFFER, id.toString())
                    .putMetadata(CheckoutMetadata.TENANT, tenant);
            if (description != null) {
                params.setDescription(description);
            } else {
                params.setDescription(EmptyParam.EMPTY);
            }
            stripe.v1().products().update(productId, params.build(), StripeRequests.onAccount(account));
        }
        String pricedAs = priceKey(row);
        String oldPrice = row.getStripePriceId();
        if (active && (oldPrice == null || !pricedAs.equals(row.getSyncedPrice()))) {
            PriceCreateParams.Builder price = PriceCreateParams.builder()
                    .setProduct(productId)
                    .setUnitAmount(row.getPriceMinor())
                    .setCurrency(row.getCurrency().toLowerCase(Locale.ROOT))
                    .putMetadata(CheckoutMetadata.OFFER, id.toString());
            if (row.getBillingInterval() != null) {
                price.setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                        .setIntervalCount("quarter".equals(row.getBillingInterval()) ? 3L : 1L)
                        .build());
            }
            String newPrice = stripe.v1()
                    .prices()
                    .create(price.build(), StripeRequests.onAccount(account, "offer-price:" + id + ":" + version))
                    .getId();
            tx.executeWithoutResult(s -> products.setStripePrice(id, newPrice, pricedAs));
            if (oldPrice != null && !oldPrice.equals(newPrice)) {
                stripe.v1()
                        .prices()
                        .update(
                                oldPrice,
                                PriceUpdateParams.builder().setActive(false).build(),
                                StripeRequests.onAccount(account));
            }
        }
        tx.executeWithoutResult(s -> products.markSynced(id, version));
    }

    public void syncPromotionCode(String account, UUID id) throws StripeException {
        PromotionCodesRecord row = tx.execute(s -> codes.row(id)).orElseThrow();
        if (!row.getActive() || row.getStripePromotionCodeId() != null) {
            return;
        }
        String tenant = TenantContext.require().toString();
        String couponId = row.getStripeCouponId();
        if (couponId == null) {
            // Once: on a subscription the discount applies to the first invoice only.
            CouponCreateParams.Builder coupon = CouponCreateParams.builder()
                    .setDuration(CouponCreateParams.Duration.ONCE)
                    .setName(row.getCode())
                    .putMetadata(PROMOTION_METADATA, id.toString())
                    .putMetadata(CheckoutMetadata.TENANT, tenant);
            if (row.getPercentOff() != null) {
                coupon.setPercentOff(BigDecimal.valueOf(row.getPercentOff()));
            } else {
                coupon.setAmountOff(row.getAmountOffMinor())
                        .setCurrency(row.getCurrency().toLowerCase(Locale.ROOT));
            }
            if (row.getMaxRedemptions() != null) {
                coupon.setMaxRedemptions(row.getMaxRedemptions().longValue());
            }
            if (row.getExpiresAt() != null) {
                coupon.setRedeemBy(row.getExpiresAt().toEpochSecond());
            }
            String created = stripe.v1()
                    .coupons()
                    .create(coupon.build(), StripeRequests.onAccount(account, "promotion-coupon:" + id))
                    .getId();
            tx.executeWithoutResult(s -> codes.setStripeCoupon(id, created));
            couponId = created;
        }
        PromotionCodeCreateParams.Builder code = PromotionCodeCreateParams.builder()
                .setPromotion(PromotionCodeCreateParams.Promotion.builder()
                        .setType(PromotionCodeCreateParams.Promotion.Type.COUPON)
                        .setCoupon(couponId)
                        .build())
                .setCode(row.getCode())
                .putMetadata(PROMOTION_METADATA, id.toString())
                .putMetadata(CheckoutMetadata.TENANT, tenant);
        if (row.getMaxRedemptions() != null) {
            code.setMaxRedemptions(row.getMaxRedemptions().longValue());
        }
        if (row.getExpiresAt() != null) {
            code.setExpiresAt(row.getExpiresAt().toEpochSecond());
        }
        String created = stripe.v1()
                .promotionCodes()
                .create(code.build(), StripeRequests.onAccount(account, "promotion-code:" + id))
                .getId();
        tx.executeWithoutResult(s -> codes.setStripePromotionCode(id, created));
    }

    public void deactivatePromotionCode(String account, String stripePromotionCodeId) throws StripeException {
        stripe.v1()
                .promotionCodes()
                .update(
                        stripePromotionCodeId,
                        PromotionCodeUpdateParams.builder().setActive(false).build(),
                        StripeRequests.onAccount(account));
    }

    /** What a Stripe price stands for: amount, currency and interval (e.g. {@code 19900:usd:month}). */
    static String priceKey(OffersRecord row) {
        return row.getPriceMinor() + ":" + row.getCurrency().toLowerCase(Locale.ROOT) + ":"
                + (row.getBillingInterval() == null ? "once" : row.getBillingInterval());
    }

    private static @Nullable String stripeDescription(OffersRecord row) {
        if (row.getDescription() != null && !row.getDescription().isBlank()) {
            return row.getDescription();
        }
        return row.getSummary().isBlank() ? null : row.getSummary();
    }
}
