/** How people sign in to the Vaadin UI (OIDC with Keycloak), sign out, and get their tenant bound. */
@NullMarked
package io.loadwise.ui.security;

import org.jspecify.annotations.NullMarked;
