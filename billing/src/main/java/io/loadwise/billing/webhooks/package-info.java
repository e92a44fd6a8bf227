/** Stripe webhooks: the platform and Connect endpoints verify each signature on the raw body, store the event under its id and acknowledge it; a worker processes the inbox asynchronously through {@link io.loadwise.billing.webhooks.StripeEventHandler}s. Admins see failed events and replay them. */
@NullMarked
@NamedInterface("webhooks")
package io.loadwise.billing.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
