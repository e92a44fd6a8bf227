/**
 * The exercise library of a coaching business: the platform's default loading exercises, copied in
 * when the business starts, and the coaches' own, each with a category, target, default dosage and
 * coaching cues.
 */
@NullMarked
package io.loadwise.exercises;

import org.jspecify.annotations.NullMarked;
