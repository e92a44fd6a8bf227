package io.loadwise.billing.orders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.catalog.Offer;
import io.loadwise.catalog.OfferKind;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerRulesTests {

    private static final Offer GUIDE = offer(OfferKind.GUIDE, 2900, null);
    private static final Offer COACHING_WITH_TRIAL = offer(OfferKind.COACHING, 9900, 14);

    @Test
    void aPaymentMatchesWhenCurrencyAndSubtotalAreTheCatalogs() {
        assertThat(LedgerRules.mismatch(GUIDE, "usd", 2900, 1)).isEmpty();
        assertThat(LedgerRules.mismatch(GUIDE, "USD", 5800, 2)).isEmpty();
    }

    @Test
    void anotherAmountOrCurrencyOrAnUnknownOfferIsHeldForReview() {
        assertThat(LedgerRules.mismatch(GUIDE, "usd", 1900, 1)).get().asString().contains("1900", "2900");
        assertThat(LedgerRules.mismatch(GUIDE, "eur", 2900, 1)).get().asString().contains("EUR", "USD");
        assertThat(LedgerRules.mismatch(GUIDE, "usd", 2900, 2)).isPresent();
        assertThat(LedgerRules.mismatch(null, "usd", 2900, 1)).get().asString().contains("not in the catalog");
    }

    @Test
    void aCoachingTrialIsPaidWithNothingButOnlyWhenTheOfferHasATrial() {
        assertThat(LedgerRules.mismatch(COACHING_WITH_TRIAL, "usd", 0, 1)).isEmpty();
        assertThat(LedgerRules.mismatch(offer(OfferKind.COACHING, 9900, null), "usd", 0, 1))
                .isPresent();
        assertThat(LedgerRules.mismatch(offer(OfferKind.GUIDE, 2900, null), "usd", 0, 1))
                .isPresent();
    }

    @Test
    void aCheckoutIsPaidPendingFailedOrExpiredAsStripeSays() {
        assertThat(LedgerRules.checkoutStatus(session("complete", "paid", false), false))
                .isEqualTo("paid");
        assertThat(LedgerRules.checkoutStatus(session("complete", "no_payment_required", false), false))
                .isEqualTo("paid");
        assertThat(LedgerRules.checkoutStatus(session("complete", "unpaid", false), false))
                .isEqualTo("pending");
        assertThat(LedgerRules.checkoutStatus(session("complete", "unpaid", false), true))
                .isEqualTo("failed");
        assertThat(LedgerRules.checkoutStatus(session("complete", "unpaid", true), false))
                .isEqualTo("failed");
        assertThat(LedgerRules.checkoutStatus(session("expired", "unpaid", false), false))
                .isEqualTo("expired");
        assertThat(LedgerRules.checkoutStatus(session("open", "unpaid", false), true))
                .isEqualTo("pending");
    }

    @Test
    void refundsAndDisputesSettleAPaidOrder() {
        assertThat(LedgerRules.settled("paid", false, 2900, 0, null)).isEqualTo("paid");
        assertThat(LedgerRules.settled("paid", false, 2900, 900, null)).isEqualTo("partially_refunded");
        assertThat(LedgerRules.settled("partially_refunded", false, 2900, 2900, null))
                .isEqualTo("refunded");
        assertThat(LedgerRules.settled("paid", false, 2900, 0, DisputeOutcome.OPEN))
                .isEqualTo("disputed");
        assertThat(LedgerRules.settled("disputed", false, 2900, 0, DisputeOutcome.LOST))
                .isEqualTo("dispute_lost");
        assertThat(LedgerRules.settled("disputed", false, 2900, 0, DisputeOutcome.WON))
                .isEqualTo("paid");
        assertThat(LedgerRules.settled("disputed", false, 2900, 2900, DisputeOutcome.WON))
                .isEqualTo("refunded");
        assertThat(LedgerRules.settled("review", true, 2900, 900, null)).isEqualTo("review");
        assertThat(LedgerRules.settled("review", true, 2900, 2900, null)).isEqualTo("refunded");
    }

    @Test
    void anUnpaidOrderIsNotSettledByRefundsOrDisputes() {
        assertThat(LedgerRules.settled("pending", false, 0, 0, DisputeOutcome.LOST))
                .isEqualTo("pending");
        assertThat(LedgerRules.settled("expired", false, 0, 0, null)).isEqualTo("expired");
    }

    @Test
    void disputeOutcomesFollowStripesStatus() {
        assertThat(DisputeOutcome.of("needs_response")).isEqualTo(DisputeOutcome.OPEN);
        assertThat(DisputeOutcome.of("warning_under_review")).isEqualTo(DisputeOutcome.OPEN);
        assertThat(DisputeOutcome.of("won")).isEqualTo(DisputeOutcome.WON);
        assertThat(DisputeOutcome.of("warning_closed")).isEqualTo(DisputeOutcome.WON);
        assertThat(DisputeOutcome.of("lost")).isEqualTo(DisputeOutcome.LOST);
    }

    @Test
    void aQuarterIsThreeMonthsInStripe() {
        assertThat(StripeReader.intervalOf("month", 3)).isEqualTo("quarter");
        assertThat(StripeReader.intervalOf("month", 1)).isEqualTo("month");
    }

    private static Offer offer(OfferKind kind, long price, Integer trialDays) {
        return new Offer(
                UUID.randomUUID(),
                kind,
                "Offer",
                "Summary",
                price,
                "USD",
                kind == OfferKind.COACHING ? "month" : null,
                null,
                null,
                trialDays,
                false);
    }

    private static StripeFacts.Session session(String status, String paymentStatus, boolean paymentFailed) {
        return new StripeFacts.Session(
                "cs_1",
                "payment",
                status,
                paymentStatus,
                Map.of(),
                "a@example.com",
                "A",
                null,
                "USD",
                2900,
                0,
                0,
                2900,
                "pi_1",
                "ch_1",
                0,
                paymentFailed,
                null,
                null,
                false);
    }
}
