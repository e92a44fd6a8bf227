/** Public storefront pages of coaching businesses, found by their slug. */
@NullMarked
package io.loadwise.ui.storefront;

import org.jspecify.annotations.NullMarked;
