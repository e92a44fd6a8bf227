/**
 * Check-ins in the UI: the client's check-in and session log forms, and the pain and load charts
 * for the client and their coaches.
 */
@NullMarked
package io.loadwise.ui.checkins;

import org.jspecify.annotations.NullMarked;
