/** The coach's roster view: the tenant's clients, paged by cursor. */
@NullMarked
package io.loadwise.ui.roster;

import org.jspecify.annotations.NullMarked;
