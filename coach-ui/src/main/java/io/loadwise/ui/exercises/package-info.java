/** The coaches' exercise library: filtered list, add and edit with inline checks, archive. */
@NullMarked
package io.loadwise.ui.exercises;

import org.jspecify.annotations.NullMarked;
