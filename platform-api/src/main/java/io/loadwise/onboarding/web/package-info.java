/** The public signup endpoint. */
@NullMarked
package io.loadwise.onboarding.web;

import org.jspecify.annotations.NullMarked;
