@NullMarked
package io.loadwise.notifications.delivery.internal;

import org.jspecify.annotations.NullMarked;
