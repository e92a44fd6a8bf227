/**
 * Onboarding: a coaching business signs up on its own, and every new account (owner, coach,
 * client) gets its password through a single-use link we mail.
 *
 * @see <a href="../../../../../../docs/adr/0005-account-links.md">ADR 0005: account links</a>
 */
@NullMarked
package io.loadwise.onboarding;

import org.jspecify.annotations.NullMarked;
