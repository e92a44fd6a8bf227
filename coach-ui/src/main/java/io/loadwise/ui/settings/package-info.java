/** The owner's settings page: name, storefront address, branding, currency, time zone, language. */
@NullMarked
package io.loadwise.ui.settings;

import org.jspecify.annotations.NullMarked;
