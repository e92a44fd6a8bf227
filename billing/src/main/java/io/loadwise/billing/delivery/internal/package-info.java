/** Download tokens, the PDF stamper and the guide entitlements behind links. */
@NullMarked
package io.loadwise.billing.delivery.internal;

import org.jspecify.annotations.NullMarked;
