/** Storage of account tokens and owner memberships. */
@NullMarked
package io.loadwise.onboarding.internal;

import org.jspecify.annotations.NullMarked;
