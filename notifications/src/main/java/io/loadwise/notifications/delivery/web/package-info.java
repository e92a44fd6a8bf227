@NullMarked
package io.loadwise.notifications.delivery.web;

import org.jspecify.annotations.NullMarked;
