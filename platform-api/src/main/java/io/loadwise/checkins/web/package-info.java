/** The REST API of check-ins: session logs, symptom check-ins and their charts. */
@NullMarked
package io.loadwise.checkins.web;

import org.jspecify.annotations.NullMarked;
