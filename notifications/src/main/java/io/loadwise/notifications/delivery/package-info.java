/**
 * Delivery: stores notifications ({@code Notifier}), sends the mail ones from the queue with
 * retries, back-off and dead letters, gathers coaches' daily digests, and shows platform admins the
 * delivery log with replay.
 */
@NullMarked
@NamedInterface("delivery")
package io.loadwise.notifications.delivery;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
