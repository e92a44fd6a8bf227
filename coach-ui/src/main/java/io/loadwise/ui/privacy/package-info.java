/** Data rights in the UI: a client's data download and erasure, for coaches (client tab) and clients (portal). */
@NullMarked
package io.loadwise.ui.privacy;

import org.jspecify.annotations.NullMarked;
