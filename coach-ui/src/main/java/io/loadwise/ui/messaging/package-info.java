/** Messaging in the UI: a client's thread as their coaches and the client themselves see it. */
@NullMarked
package io.loadwise.ui.messaging;

import org.jspecify.annotations.NullMarked;
