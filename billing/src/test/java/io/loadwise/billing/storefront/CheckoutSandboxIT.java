package io.loadwise.billing.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.stripe.StripeClient;
import com.stripe.model.Account;
import com.stripe.model.Coupon;
import com.stripe.model.Price;
import com.stripe.model.Product;
import com.stripe.model.PromotionCode;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.PromotionCodeCreateParams;
import io.loadwise.billing.CheckoutMetadata;
import io.loadwise.billing.StripeRequests;
import io.loadwise.billing.checkout.CheckoutOutcome;
import io.loadwise.billing.checkout.CheckoutService;
import io.loadwise.billing.checkout.CheckoutStarted;
import io.loadwise.billing.sandbox.StripeSandbox;
import io.loadwise.tenancy.Tenant;
import io.loadwise.testsupport.IntegrationTest;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checkout against the shared Stripe sandbox, as in the local run: the business's account,
 * product, price and promotion code exist there, and what the buyer pays on the sandbox's page
 * carries the platform fee, the discount, the trial and our metadata.
 */
@IntegrationTest
class CheckoutSandboxIT {

    @Autowired
    CheckoutService checkout;

    @Autowired
    StripeClient stripe;

    StripeSandbox sandbox = StripeSandbox.shared();
    String account;
    RequestOptions onAccount;
    Tenant business;

    @BeforeEach
    void aBusinessOnboardedInTheSandbox() throws Exception {
        Account created = stripe.v1()
                .accounts()
                .create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS)
                        .setCountry("US")
                        .setEmail("ruth@example.test")
                        .build());
        account = created.getId();
        sandbox.completeOnboarding(account);
        onAccount = StripeRequests.onAccount(account);
        business = StorefrontSeeds.business("Stride Coaching", account, true);
    }

    @Test
    void a_guide_bought_with_a_promotion_code_is_paid_on_the_connected_account_with_the_fee_on_the_discounted_price()
            throws Exception {
        UUID guide = StorefrontSeeds.guide(business, "Tendon Health Guide", 2900, price(2900, null), true);
        Coupon coupon = stripe.v1()
                .coupons()
                .create(
                        CouponCreateParams.builder()
                                .setPercentOff(BigDecimal.valueOf(20))
                                .build(),
                        onAccount);
        PromotionCode code = stripe.v1()
                .promotionCodes()
                .create(
                        PromotionCodeCreateParams.builder()
                                .setCode("LAUNCH20")
                                .setPromotion(PromotionCodeCreateParams.Promotion.builder()
                                        .setType(PromotionCodeCreateParams.Promotion.Type.COUPON)
                                        .setCoupon(coupon.getId())
                                        .build())
                                .build(),
                        onAccount);
        StorefrontSeeds.percentOffCode(business, "LAUNCH20", 20, code.getId(), true);

        CheckoutStarted started = checkout.start(business.slug(), guide, "LAUNCH20");

        assertThat(started.checkoutUrl().toString()).startsWith(sandbox.url() + "/checkout/");
        JsonObject session = sandbox.object(started.checkoutSessionId());
        assertThat(session.get("amount_total").getAsLong()).isEqualTo(2320);
        assertThat(session.getAsJsonObject("metadata")
                        .get(CheckoutMetadata.ORDER)
                        .getAsString())
                .isEqualTo(started.orderId().toString());
        assertThat(checkout.outcome(business.slug(), started.checkoutSessionId())
                        .state())
                .isEqualTo(CheckoutOutcome.State.WAITING);

        sandbox.payCheckout(started.checkoutSessionId(), "jess@example.com", "Jess Doe");

        JsonObject paid = sandbox.object(started.checkoutSessionId());
        JsonObject intent = sandbox.object(paid.get("payment_intent").getAsString());
        assertThat(intent.get("amount").getAsLong()).isEqualTo(2320);
        assertThat(intent.get("application_fee_amount").getAsLong()).isEqualTo(88);
        assertThat(intent.getAsJsonObject("metadata")
                        .get(CheckoutMetadata.ORDER)
                        .getAsString())
                .isEqualTo(started.orderId().toString());
        assertThat(intent.getAsJsonObject("metadata")
                        .get(CheckoutMetadata.TENANT)
                        .getAsString())
                .isEqualTo(business.id().toString());
    }

    @Test
    void coaching_starts_a_trialing_subscription_with_the_fee_percentage_and_our_metadata() throws Exception {
        UUID coaching = StorefrontSeeds.coaching(business, "1:1 Coaching", 14900, price(14900, "month"), 14);

        CheckoutStarted started = checkout.start(business.slug(), coaching, null);
        sandbox.payCheckout(started.checkoutSessionId(), "jess@example.com", "Jess Doe");

        JsonObject session = sandbox.object(started.checkoutSessionId());
        assertThat(session.get("mode").getAsString()).isEqualTo("subscription");
        JsonObject subscription = sandbox.object(session.get("subscription").getAsString());
        assertThat(subscription.get("status").getAsString()).isEqualTo("trialing");
        assertThat(subscription.get("application_fee_percent").getAsDouble()).isEqualTo(2.5);
        assertThat(subscription
                        .getAsJsonObject("metadata")
                        .get(CheckoutMetadata.ORDER)
                        .getAsString())
                .isEqualTo(started.orderId().toString());
    }

    private String price(long amount, @Nullable String interval) throws Exception {
        Product product = stripe.v1()
                .products()
                .create(ProductCreateParams.builder().setName("Offer " + amount).build(), onAccount);
        PriceCreateParams.Builder price = PriceCreateParams.builder()
                .setProduct(product.getId())
                .setCurrency("usd")
                .setUnitAmount(amount);
        if (interval != null) {
            price.setRecurring(PriceCreateParams.Recurring.builder()
                    .setInterval(PriceCreateParams.Recurring.Interval.MONTH)
                    .build());
        }
        Price created = stripe.v1().prices().create(price.build(), onAccount);
        return created.getId();
    }
}
