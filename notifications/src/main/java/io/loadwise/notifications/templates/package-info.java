/**
 * The notification templates (Thymeleaf, HTML and plain text, English and German) and the
 * renderer that fills them with the business's brand, the recipient's language and time zone, and
 * the links a notification needs.
 */
@NullMarked
package io.loadwise.notifications.templates;

import org.jspecify.annotations.NullMarked;
