/** The coach's dashboard (who needs attention, the engine's proposals) and the plan engine's rules editor. */
@NullMarked
package io.loadwise.ui.dashboard;

import org.jspecify.annotations.NullMarked;
