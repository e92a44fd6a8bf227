/**
 * Preferences: which types and channels a recipient gets, their language, time zone, quiet hours
 * and daily digest; the signed-in member's settings API and the public one-click unsubscribe page.
 */
@NullMarked
@NamedInterface("preferences")
package io.loadwise.notifications.preferences;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
