/** Intake in the UI: the coaches' questionnaire editor and a client's answers on their detail page. */
@NullMarked
package io.loadwise.ui.intake;

import org.jspecify.annotations.NullMarked;
