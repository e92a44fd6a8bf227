/** Platform-admin billing: volume and fees per business, disputes, and reconciliation of our ledger against Stripe (nightly and on demand). */
@NullMarked
@NamedInterface("admin")
package io.loadwise.billing.admin;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
