/**
 * Notifications in the UI: the bell with the live unread count, the inbox (coach and client
 * portal), the notification settings, and the admin console's email delivery log. Every string
 * comes from the {@code vaadin-i18n} translations (English and German).
 */
@NullMarked
package io.loadwise.ui.notifications;

import org.jspecify.annotations.NullMarked;
