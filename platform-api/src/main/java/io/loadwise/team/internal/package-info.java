/** Team membership queries and the reassignment of a removed coach's clients. */
@NullMarked
package io.loadwise.team.internal;

import org.jspecify.annotations.NullMarked;
