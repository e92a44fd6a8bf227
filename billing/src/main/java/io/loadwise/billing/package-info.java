/**
 * Billing: Stripe Connect onboarding, checkout, webhooks, orders, entitlements and guide delivery.
 * Stripe stays inside this module, behind an injected client. Arrives with the Commerce issue.
 */
@NullMarked
package io.loadwise.billing;

import org.jspecify.annotations.NullMarked;
