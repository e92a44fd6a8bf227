/**
 * Notifications: Kafka consumers (worker role) that turn platform events into messages people
 * receive, starting with the client invite email.
 */
@NullMarked
package io.loadwise.notifications;

import org.jspecify.annotations.NullMarked;
