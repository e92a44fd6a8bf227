package io.loadwise.billing.checkout.web;

import io.loadwise.billing.checkout.CheckoutUnavailableException;
import io.loadwise.billing.checkout.OfferNotForSaleException;
import io.loadwise.billing.checkout.UnknownPromotionCodeException;
import io.loadwise.billing.connect.NotSellingException;
import io.loadwise.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Checkout's refusals as problem details whose detail the storefront shows as it is. */
@RestControllerAdvice(assignableTypes = CheckoutController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CheckoutProblems {

    @ExceptionHandler(NotSellingException.class)
    ProblemDetail notSelling(NotSellingException e) {
        return Problems.of(HttpStatus.CONFLICT, "Not selling yet", e.getMessage(), "not-selling");
    }

    @ExceptionHandler(OfferNotForSaleException.class)
    ProblemDetail notForSale(OfferNotForSaleException e) {
        return Problems.of(HttpStatus.CONFLICT, "Not for sale", e.getMessage(), "offer-not-for-sale");
    }

    @ExceptionHandler(UnknownPromotionCodeException.class)
    ProblemDetail unknownCode(UnknownPromotionCodeException e) {
        ProblemDetail problem = Problems.of(
                HttpStatus.UNPROCESSABLE_CONTENT, "Promotion code not valid", e.getMessage(), "unknown-promotion-code");
        problem.setProperty("promotionCode", e.code());
        return problem;
    }

    @ExceptionHandler(CheckoutUnavailableException.class)
    ProblemDetail unavailable(CheckoutUnavailableException e) {
        return Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE, "Payments unavailable", e.getMessage(), "checkout-unavailable");
    }
}
