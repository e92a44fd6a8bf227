/** The client portal: a signed-in client's pages within their coaching business's storefront. */
@NullMarked
package io.loadwise.ui.portal;

import org.jspecify.annotations.NullMarked;
