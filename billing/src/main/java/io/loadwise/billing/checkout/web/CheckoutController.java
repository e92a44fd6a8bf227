package io.loadwise.billing.checkout.web;

import io.loadwise.billing.checkout.CheckoutOutcome;
import io.loadwise.billing.checkout.CheckoutService;
import io.loadwise.billing.checkout.CheckoutStarted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buying from a storefront, open to guests: start Stripe Checkout for an offer, then ask whether
 * the order was fulfilled. A signed-in client's bearer token, when sent, makes her the buyer.
 */
@RestController
@RequestMapping(CheckoutController.PATH)
@Tag(name = "Checkout", description = "Storefront purchases through Stripe Checkout (public)")
class CheckoutController {

    static final String PATH = "/api/v1/storefronts/{slug}/checkout";

    private final CheckoutService checkout;

    CheckoutController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    @PostMapping
    @Operation(summary = "Start Stripe Checkout for an offer; redirect the buyer to checkoutUrl")
    ResponseEntity<CheckoutResponse> start(@PathVariable String slug, @RequestBody CheckoutRequest request) {
        if (request.offerId() == null) {
            throw new IllegalArgumentException("Say which offer to buy (offerId).");
        }
        CheckoutStarted started = checkout.start(slug, request.offerId(), request.promotionCode());
        URI outcome = URI.create(PATH.replace("{slug}", slug) + "/" + started.checkoutSessionId());
        return ResponseEntity.created(outcome)
                .cacheControl(CacheControl.noStore())
                .body(new CheckoutResponse(started.checkoutUrl(), started.orderId(), started.checkoutSessionId()));
    }

    @GetMapping("/{sessionId}")
    @Operation(summary = "Whether the order behind a Checkout Session is fulfilled yet (the success page polls this)")
    ResponseEntity<CheckoutOutcome> outcome(@PathVariable String slug, @PathVariable String sessionId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(checkout.outcome(slug, sessionId));
    }

    record CheckoutRequest(@Nullable UUID offerId, @Nullable String promotionCode) {}

    record CheckoutResponse(URI checkoutUrl, UUID orderId, String checkoutSessionId) {}
}
