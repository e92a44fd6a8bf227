package io.loadwise.billing.orders.web;

import io.loadwise.billing.orders.PaymentProviderException;
import io.loadwise.billing.orders.RefundNotPossibleException;
import io.loadwise.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details for billing's own refusals; everything else goes to the API's common handler. */
@RestControllerAdvice(basePackageClasses = BillingProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BillingProblems {

    @ExceptionHandler(RefundNotPossibleException.class)
    ProblemDetail refundNotPossible(RefundNotPossibleException e) {
        return Problems.of(HttpStatus.CONFLICT, "Refund not possible", e.getMessage(), "refund-not-possible");
    }

    @ExceptionHandler(PaymentProviderException.class)
    ProblemDetail paymentProvider(PaymentProviderException e) {
        return Problems.of(HttpStatus.BAD_GATEWAY, "Stripe did not do it", e.getMessage(), "payment-provider");
    }
}
