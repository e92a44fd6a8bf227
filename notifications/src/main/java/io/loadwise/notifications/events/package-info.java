/**
 * The event consumers of notifications (worker role): each platform event on Kafka becomes one
 * {@link io.loadwise.notifications.NotificationRequest} per recipient, handed to {@link
 * io.loadwise.notifications.Notifier}, which stores (and so dedupes) them. Also the weekly summary
 * job and the secret links (account and download links) issued when a mail is rendered.
 *
 * <p>Consumers hold no state of their own: a redelivered event asks again and the notifier's
 * dedupe key (event, type, recipient, channel) stores nothing the second time. Records no retry can
 * fix (garbage, another shape, missing fields) are counted in {@code
 * loadwise.notifications.events.skipped} and parked in the topic's dead-letter topic, so the next
 * record is handled at once.
 */
@NullMarked
package io.loadwise.notifications.events;

import org.jspecify.annotations.NullMarked;
