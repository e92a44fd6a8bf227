/** The REST face of tenancy: the business settings API and public logos. */
@NullMarked
package io.loadwise.tenancy.web;

import org.jspecify.annotations.NullMarked;
