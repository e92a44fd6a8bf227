/** The public download endpoint for signed guide links. */
@NullMarked
package io.loadwise.billing.delivery.web;

import org.jspecify.annotations.NullMarked;
