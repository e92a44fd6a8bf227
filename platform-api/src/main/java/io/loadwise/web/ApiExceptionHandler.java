package io.loadwise.web;

import io.loadwise.shared.Cursor;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every API error into RFC 9457 problem details; Spring MVC's own errors (bad parameters,
 * unsupported media types, ...) are handled by the base class in the same format.
 */
@RestControllerAdvice(basePackages = "io.loadwise")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(Cursor.InvalidCursorException.class)
    ProblemDetail invalidCursor(Cursor.InvalidCursorException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid cursor", e.getMessage(), "invalid-cursor");
    }

    @ExceptionHandler(TenantContext.NoTenantException.class)
    ProblemDetail noTenant(TenantContext.NoTenantException e) {
        return Problems.of(
                HttpStatus.FORBIDDEN,
                "No organization in token",
                "This endpoint works within one coaching business, but the token carries no single"
                        + " organization. Request the 'organization' scope for exactly one organization.",
                "no-tenant");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "Access denied", "Your account may not do this.", "forbidden");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), e.slug());
    }

    @ExceptionHandler(StaleVersionException.class)
    ProblemDetail staleVersion(StaleVersionException e) {
        return Problems.of(HttpStatus.PRECONDITION_FAILED, "Changed by someone else", e.getMessage(), "stale-version");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), "invalid-request");
    }
}
