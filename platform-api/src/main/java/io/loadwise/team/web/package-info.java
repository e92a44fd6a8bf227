/** The team REST API. */
@NullMarked
package io.loadwise.team.web;

import org.jspecify.annotations.NullMarked;
