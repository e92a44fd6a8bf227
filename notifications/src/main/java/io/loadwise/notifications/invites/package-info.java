/** The invite email a client receives when a coach adds them to the roster. */
@NullMarked
package io.loadwise.notifications.invites;

import org.jspecify.annotations.NullMarked;
