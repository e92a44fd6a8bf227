/** Public pages that open accounts: the business signup and the set-password page of mailed links. */
@NullMarked
package io.loadwise.ui.onboarding;

import org.jspecify.annotations.NullMarked;
