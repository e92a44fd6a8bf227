package io.loadwise.billing.orders.web;

import io.loadwise.billing.orders.BillingService;
import io.loadwise.billing.orders.MonthlyRevenue;
import io.loadwise.billing.orders.OrderView;
import io.loadwise.billing.orders.OrdersPage;
import io.loadwise.billing.orders.RefundView;
import io.loadwise.billing.orders.Subscriber;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A business's billing for its owner and coaches: the order ledger, refunds, subscribers, revenue. */
@RestController
@RequestMapping("/api/v1/billing")
@Tag(name = "Billing", description = "Orders, refunds, subscribers and revenue of the business")
class BillingController {

    private final BillingService billing;

    BillingController(BillingService billing) {
        this.billing = billing;
    }

    @GetMapping("/orders")
    @Operation(
            summary = "The order ledger, newest first, a page at a time",
            description = "Owner and coaches. Abandoned and expired checkouts are left out. Keyset pagination:"
                    + " follow the Link rel=next header or pass nextCursor as cursor.")
    ResponseEntity<OrdersPage> orders(
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) @Nullable
                    String cursor,
            @Parameter(description = "page size, 1-200") @RequestParam(defaultValue = "50") int limit) {
        OrdersPage page = billing.orders(cursor, limit);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.nextCursor() != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", page.nextCursor())
                    .replaceQueryParam("limit", limit)
                    .build()
                    .toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page);
    }

    @GetMapping("/orders/{id}")
    @Operation(summary = "One order, with what can still be refunded")
    OrderView order(@PathVariable UUID id) {
        return billing.order(id);
    }

    @GetMapping("/orders/{id}/refunds")
    @Operation(summary = "The refunds asked for an order, newest first, with Stripe's last status")
    List<RefundView> refunds(@PathVariable UUID id) {
        return billing.refunds(id);
    }

    @PostMapping("/orders/{id}/refunds")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Refund (part of) a paid order",
            description = "Owner only (403 for coaches). Without an amount, all that is left is refunded. Stripe"
                    + " is asked at once; the order's refunded amount and status change when Stripe confirms"
                    + " (charge.refunded), so the answer is 202 with the refund pending. 400 for an amount that"
                    + " is not positive or more than is refundable, 409 for an order that is not paid, 502 when"
                    + " Stripe refuses.")
    RefundView refund(@PathVariable UUID id, @RequestBody(required = false) @Nullable RefundRequest request) {
        return billing.refund(
                id, request == null ? null : request.amountMinor(), request == null ? null : request.reason());
    }

    @GetMapping("/subscribers")
    @Operation(summary = "Clients on a coaching package: current ones first, then those who left")
    List<Subscriber> subscribers() {
        return billing.subscribers();
    }

    @GetMapping("/revenue")
    @Operation(
            summary = "Takings per month and currency",
            description = "The last n months (this one included), oldest first, empty months included; months"
                    + " in the business's time zone. Net = gross − refunded − platform fees.")
    List<RevenueMonth> revenue(@Parameter(description = "1-36") @RequestParam(defaultValue = "12") int months) {
        return billing.monthlyRevenue(months).stream().map(RevenueMonth::of).toList();
    }

    /** @param amountMinor minor units of the order's currency; all that is left when absent */
    record RefundRequest(
            @Nullable Long amountMinor, @Nullable String reason) {}

    record RevenueMonth(
            String month, String currency, long grossMinor, long refundedMinor, long feesMinor, long netMinor) {
        static RevenueMonth of(MonthlyRevenue m) {
            return new RevenueMonth(
                    m.month().toString(), m.currency(), m.grossMinor(), m.refundedMinor(), m.feesMinor(), m.netMinor());
        }
    }
}
