package io.loadwise.billing.orders.web;

import io.loadwise.billing.orders.Purchase;
import io.loadwise.billing.orders.Purchases;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in client's purchases and the Stripe portal for her subscriptions. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "My purchases", description = "What the signed-in client bought")
class PurchasesController {

    private final Purchases purchases;

    PurchasesController(Purchases purchases) {
        this.purchases = purchases;
    }

    @GetMapping("/purchases")
    @Operation(summary = "Guides, custom plans and coaching she bought, newest first, with subscription state")
    List<Purchase> mine() {
        return purchases.mine();
    }

    @PostMapping("/subscriptions/{id}/portal")
    @Operation(
            summary = "Open Stripe's customer portal for one of her subscriptions",
            description = "Answers the portal's address to send her to; Stripe returns her to returnUrl, which"
                    + " must be on this installation (400 otherwise). 404 for someone else's subscription.")
    PortalLink portal(@PathVariable UUID id, @RequestBody PortalRequest request) {
        URI returnUrl = request.returnUrl();
        if (returnUrl == null) {
            throw new IllegalArgumentException("Give the returnUrl Stripe's portal sends her back to.");
        }
        return new PortalLink(purchases.customerPortal(id, returnUrl));
    }

    record PortalRequest(@Nullable URI returnUrl) {}

    record PortalLink(URI url) {}
}
