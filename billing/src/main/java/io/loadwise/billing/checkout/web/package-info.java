/** The storefront checkout API: start a checkout, ask for its outcome (public). */
@NullMarked
package io.loadwise.billing.checkout.web;

import org.jspecify.annotations.NullMarked;
