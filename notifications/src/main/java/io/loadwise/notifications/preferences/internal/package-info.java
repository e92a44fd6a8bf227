@NullMarked
package io.loadwise.notifications.preferences.internal;

import org.jspecify.annotations.NullMarked;
