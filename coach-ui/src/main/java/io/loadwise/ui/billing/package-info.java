/** The coach workspace's commerce pages: billing (orders, refunds, subscribers, revenue), products and promotion codes, and the Stripe payments setup. */
@NullMarked
package io.loadwise.ui.billing;

import org.jspecify.annotations.NullMarked;
