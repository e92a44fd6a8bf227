/**
 * The REST API's shared plumbing: bearer-token security for {@code /api/v1}, RFC 9457 problem
 * details for every error, OpenAPI metadata.
 */
@NullMarked
package io.loadwise.web;

import org.jspecify.annotations.NullMarked;
