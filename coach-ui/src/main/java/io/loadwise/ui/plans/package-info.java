/**
 * Plans in the UI: the coach's Plan tab (assign, the plan as weeks × weekdays, session edits,
 * revisions, tasks) and the pieces the client portal's Today and My plan pages share.
 */
@NullMarked
package io.loadwise.ui.plans;

import org.jspecify.annotations.NullMarked;
