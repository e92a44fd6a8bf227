/**
 * A client's plan in their calendar app: a secret, revocable iCalendar feed URL per client, and
 * the small RFC 5545 writer behind it.
 */
@NullMarked
@NamedInterface("calendar")
package io.loadwise.plans.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
