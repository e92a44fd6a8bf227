/** Stripe's webhook endpoints and the platform admins' inbox API. */
@NullMarked
package io.loadwise.billing.webhooks.web;

import org.jspecify.annotations.NullMarked;
