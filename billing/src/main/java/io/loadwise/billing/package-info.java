/**
 * Billing: each coaching business sells through its own Stripe connected account (direct charges,
 * a platform application fee). The root holds the Stripe connection ({@link
 * io.loadwise.billing.StripeProperties}); the feature packages hold the rest: {@code connect}
 * (onboarding, fees), {@code catalog} (products, prices, promotion codes), {@code checkout},
 * {@code webhooks} (verified inbox, asynchronous processing), {@code orders} (ledger,
 * entitlements, subscriptions, refunds, disputes, reports, reconciliation) and {@code delivery}
 * (signed guide downloads, stamped PDFs). Nothing outside this module sees a Stripe type.
 */
@NullMarked
package io.loadwise.billing;

import org.jspecify.annotations.NullMarked;
