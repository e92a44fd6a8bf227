/** The renderer's helpers: formats for templates and the businesses' branding. */
@NullMarked
package io.loadwise.notifications.templates.internal;

import org.jspecify.annotations.NullMarked;
