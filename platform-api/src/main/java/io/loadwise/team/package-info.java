/** The team: the owner invites staff coaches and removes them, handing their clients to another coach. */
@NullMarked
package io.loadwise.team;

import org.jspecify.annotations.NullMarked;
