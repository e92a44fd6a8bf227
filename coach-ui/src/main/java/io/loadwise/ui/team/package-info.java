/** The team page: owners and coaches, invites, and removing a coach with their clients handed over. */
@NullMarked
package io.loadwise.ui.team;

import org.jspecify.annotations.NullMarked;
