/**
 * A small SVG renderer for the check-in charts, server-side so that the API and the UI show the
 * same picture and no front-end build is needed.
 */
@NullMarked
package io.loadwise.checkins.charts;

import org.jspecify.annotations.NullMarked;
