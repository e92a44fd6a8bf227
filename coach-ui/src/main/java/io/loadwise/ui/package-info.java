/**
 * The Vaadin UI shell: application shell, main layout, the role-based landing route and the error
 * pages. Features live in sub-packages (roster, storefront, admin, security).
 */
@NullMarked
package io.loadwise.ui;

import org.jspecify.annotations.NullMarked;
