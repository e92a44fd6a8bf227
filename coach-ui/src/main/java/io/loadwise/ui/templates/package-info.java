/** The coaches' plan templates: the list, and the builder of phases, weeks and sessions with its calendar preview. */
@NullMarked
package io.loadwise.ui.templates;

import org.jspecify.annotations.NullMarked;
