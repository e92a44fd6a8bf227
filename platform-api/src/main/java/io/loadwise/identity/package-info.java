/**
 * Identity: who is calling (from Keycloak tokens), which tenant and roles they act with, and the
 * provisioning of Keycloak organizations and users for tenants, coaches and clients.
 *
 * @see <a href="../../../../../../docs/adr/0002-identity.md">ADR 0002: identity</a>
 */
@NullMarked
package io.loadwise.identity;

import org.jspecify.annotations.NullMarked;
