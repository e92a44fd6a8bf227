/** Stripe Connect: a business's connected account (onboarding through an account link, its state from {@code account.updated}) and the platform fee a platform admin sets on it. */
@NullMarked
@NamedInterface("connect")
package io.loadwise.billing.connect;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
