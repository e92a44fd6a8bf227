package io.loadwise.billing.catalog.web;

import io.loadwise.billing.catalog.InvalidCatalogInputException;
import io.loadwise.billing.catalog.PromotionCodeTakenException;
import io.loadwise.billing.catalog.UploadRejectedException;
import io.loadwise.billing.connect.StripeUnavailableException;
import io.loadwise.web.Problems;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The catalog's errors as problem details; ahead of the platform's generic 400 for bad arguments. */
@RestControllerAdvice(assignableTypes = {ProductsController.class, PromotionCodesController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblems {

    @ExceptionHandler(InvalidCatalogInputException.class)
    ProblemDetail invalid(InvalidCatalogInputException e) {
        String slug = "invalid-" + e.what().replace(' ', '-');
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid " + e.what(), e.getMessage(), slug);
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> Map.of("field", p.field(), "message", p.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler(UploadRejectedException.class)
    ProblemDetail uploadRejected(UploadRejectedException e) {
        return e.tooLarge()
                ? Problems.of(HttpStatus.CONTENT_TOO_LARGE, "File too large", e.getMessage(), "file-too-large")
                : Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File not accepted", e.getMessage(), "file-rejected");
    }

    @ExceptionHandler(PromotionCodeTakenException.class)
    ProblemDetail codeTaken(PromotionCodeTakenException e) {
        return Problems.of(HttpStatus.CONFLICT, "Code taken", e.getMessage(), "promotion-code-taken");
    }

    @ExceptionHandler(StripeUnavailableException.class)
    ProblemDetail stripeUnavailable(StripeUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Stripe unavailable", e.getMessage(), "stripe-unavailable");
    }
}
