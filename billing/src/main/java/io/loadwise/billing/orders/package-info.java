/** The order ledger, entitlements, coaching subscriptions, refunds and disputes, all derived from Stripe's objects as re-fetched when a webhook arrives; the coach's billing views and the client's purchases. */
@NullMarked
@NamedInterface("orders")
package io.loadwise.billing.orders;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
