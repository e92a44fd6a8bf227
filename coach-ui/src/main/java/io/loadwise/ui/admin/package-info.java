/** The platform admin console: every coaching business on the platform. */
@NullMarked
package io.loadwise.ui.admin;

import org.jspecify.annotations.NullMarked;
