/** The webhook inbox's storage, its processor and the sandbox endpoint registration. */
@NullMarked
package io.loadwise.billing.webhooks.internal;

import org.jspecify.annotations.NullMarked;
