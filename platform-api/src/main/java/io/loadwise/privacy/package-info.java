/**
 * Data rights: a client's data export and erasure, and the platform admin's audited break-glass
 * access to one client's data, with every such access written to the tenant's audit log.
 *
 * @see <a href="../../../../../../../docs/adr/0007-data-rights.md">ADR 0007: data rights</a>
 */
@NullMarked
package io.loadwise.privacy;

import org.jspecify.annotations.NullMarked;
