/**
 * The assembled application: role switching (web, worker) and start-up checks that name the
 * unreachable piece of infrastructure and how to fix it.
 */
@NullMarked
package io.loadwise.app;

import org.jspecify.annotations.NullMarked;
