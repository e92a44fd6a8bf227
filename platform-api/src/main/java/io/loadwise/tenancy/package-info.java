/**
 * Tenancy: which coaching business a unit of work belongs to, and the one mechanism that makes
 * PostgreSQL row level security see only that tenant's rows.
 *
 * @see <a href="../../../../../../docs/adr/0001-tenancy.md">ADR 0001: tenancy</a>
 */
@NullMarked
package io.loadwise.tenancy;

import org.jspecify.annotations.NullMarked;
