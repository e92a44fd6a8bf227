/** Guide delivery: signed, expiring download links (HMAC) and the PDF streamed with every page stamped with the buyer's name, email and order id. */
@NullMarked
@NamedInterface("delivery")
package io.loadwise.billing.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
