/** Buying from a storefront: a Stripe Checkout Session on the business's connected account (direct charge with the platform's application fee), and the success page's view of whether the order was fulfilled — which only webhooks do. */
@NullMarked
@NamedInterface("checkout")
package io.loadwise.billing.checkout;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
