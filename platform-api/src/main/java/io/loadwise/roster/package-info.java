/** The roster: the clients a coaching business works with, their status and their coach. */
@NullMarked
package io.loadwise.roster;

import org.jspecify.annotations.NullMarked;
