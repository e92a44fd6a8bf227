package io.loadwise.roster.web;

import io.loadwise.roster.ConsentRequiredException;
import io.loadwise.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for the roster's own refusals; everything else goes to the API's common handler. */
@RestControllerAdvice(basePackageClasses = RosterProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RosterProblems {

    @ExceptionHandler(ConsentRequiredException.class)
    ProblemDetail consentRequired(ConsentRequiredException e) {
        return Problems.of(HttpStatus.CONFLICT, "Consent needed", e.getMessage(), "consent-required");
    }
}
