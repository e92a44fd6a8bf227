@NullMarked
package io.loadwise.notifications.preferences.web;

import org.jspecify.annotations.NullMarked;
