/**
 * Plan templates and the template builder's operations: phases with entry and exit criteria,
 * weeks, sessions by weekday; validated as a whole on every save.
 */
@NullMarked
@NamedInterface("templates")
package io.loadwise.plans.templates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
