/** Intake: the questionnaire a coaching business asks new clients, and the answers clients give. */
@NullMarked
package io.loadwise.intake;

import org.jspecify.annotations.NullMarked;
