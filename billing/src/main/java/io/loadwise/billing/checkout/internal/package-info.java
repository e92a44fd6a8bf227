/** Checkout's jOOQ repository: offers for sale, promotion codes, pending orders. */
@NullMarked
package io.loadwise.billing.checkout.internal;

import org.jspecify.annotations.NullMarked;
