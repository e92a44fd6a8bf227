/**
 * Mails about plans: the client is told when a plan is ready and what changed in it and why; the
 * coach is alerted when the plan engine changed a client's plan or wants approval for a change.
 */
@NullMarked
package io.loadwise.notifications.plans;

import org.jspecify.annotations.NullMarked;
