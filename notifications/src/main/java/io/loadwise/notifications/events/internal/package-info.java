/** The listeners, the weekly summary job and the secret link issuer. */
@NullMarked
package io.loadwise.notifications.events.internal;

import org.jspecify.annotations.NullMarked;
