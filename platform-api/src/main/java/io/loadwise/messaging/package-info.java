/** Messaging: one conversation per client, between the client and the coaches who work with them. */
@NullMarked
package io.loadwise.messaging;

import org.jspecify.annotations.NullMarked;
