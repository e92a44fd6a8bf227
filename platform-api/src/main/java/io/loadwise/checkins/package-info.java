/**
 * Check-ins: what the client did (session logs) and how the tendon responded (symptom check-ins
 * on the pain-monitoring model's 0-10 scales), and the charts of both over time.
 */
@NullMarked
package io.loadwise.checkins;

import org.jspecify.annotations.NullMarked;
