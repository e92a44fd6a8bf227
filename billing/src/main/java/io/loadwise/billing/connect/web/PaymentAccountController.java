package io.loadwise.billing.connect.web;

import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.connect.PlatformFee;
import io.loadwise.billing.connect.StripeUnavailableException;
import io.loadwise.tenancy.TenantId;
import io.loadwise.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments", description = "A business's Stripe account: onboarding, state and the platform fee")
class PaymentAccountController {

    /** Where Stripe sends the owner back after onboarding, when the caller names no address. */
    static final String SETTINGS_PAGE = "/coach/settings/payments";

    private final PaymentAccountService accounts;
    private final StripeProperties stripe;

    PaymentAccountController(PaymentAccountService accounts, StripeProperties stripe) {
        this.accounts = accounts;
        this.stripe = stripe;
    }

    @GetMapping("/api/v1/payments/account")
    @Operation(
            summary = "The business's Stripe account as last seen",
            description = "Before onboarding: no account id and canSell false. Owner and coaches.")
    AccountJson account() {
        return AccountJson.of(accounts.current());
    }

    @PostMapping("/api/v1/payments/onboarding")
    @Operation(
            summary = "Start or continue Stripe onboarding (owner only)",
            description = "Creates the business's connected account on first use and answers a fresh Stripe"
                    + " onboarding link. returnUrl and refreshUrl must be on this installation; both default to"
                    + " the payments settings page.")
    OnboardingJson onboarding(@RequestBody(required = false) @Nullable OnboardingRequest request) {
        URI returnUrl = ownUrl(request == null ? null : request.returnUrl(), "?onboarding=returned");
        URI refreshUrl = ownUrl(request == null ? null : request.refreshUrl(), "?onboarding=expired");
        return new OnboardingJson(accounts.startOnboarding(returnUrl, refreshUrl));
    }

    @PostMapping("/api/v1/payments/account/refresh")
    @Operation(summary = "Re-read the account from Stripe (owner only)")
    AccountJson refresh() {
        return AccountJson.of(accounts.refresh());
    }

    @PutMapping("/api/v1/admin/tenants/{tenantId}/platform-fee")
    @Operation(
            summary = "Set a business's platform fee (platform admins)",
            description = "basisPoints 0–5000 (250 = 2.5 %) plus fixedMinor 0–10000 per charge, in the charge's"
                    + " minor units. A reason of at least 10 characters is required; the change is written to the"
                    + " business's audit log.")
    AccountJson platformFee(@PathVariable UUID tenantId, @RequestBody FeeRequest request) {
        if (request.basisPoints() == null || request.fixedMinor() == null) {
            throw new IllegalArgumentException("Give both basisPoints and fixedMinor (0 for none).");
        }
        PlatformFee fee = new PlatformFee(request.basisPoints(), request.fixedMinor());
        return AccountJson.of(accounts.setFee(new TenantId(tenantId), fee, request.reason()));
    }

    @ExceptionHandler(StripeUnavailableException.class)
    ProblemDetail stripeUnavailable(StripeUnavailableException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Stripe unavailable", e.getMessage(), "stripe-unavailable");
    }

    /** Stripe redirects the owner to these addresses: only this installation's own pages, no open redirect. */
    private URI ownUrl(@Nullable String given, String defaultQuery) {
        URI base = stripe.publicUrl();
        if (given == null || given.isBlank()) {
            return base.resolve(SETTINGS_PAGE + defaultQuery);
        }
        URI url;
        try {
            url = base.resolve(given.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + given + "' is not a URL.");
        }
        if (!base.getScheme().equals(url.getScheme()) || !base.getAuthority().equals(url.getAuthority())) {
            throw new IllegalArgumentException(
                    "Return and refresh URLs must be pages of " + base + ", not " + url.getAuthority() + ".");
        }
        return url;
    }

    record OnboardingRequest(
            @Nullable String returnUrl, @Nullable String refreshUrl) {}

    record OnboardingJson(URI url) {}

    record FeeRequest(
            @Nullable Integer basisPoints,
            @Nullable Long fixedMinor,
            @Nullable String reason) {}

    record FeeJson(int basisPoints, long fixedMinor) {}

    record AccountJson(
            @Nullable String stripeAccountId,
            boolean chargesEnabled,
            boolean payoutsEnabled,
            boolean detailsSubmitted,
            List<String> requirementsDue,
            boolean canSell,
            FeeJson platformFee) {

        static AccountJson of(PaymentAccount a) {
            return new AccountJson(
                    a.stripeAccountId(),
                    a.chargesEnabled(),
                    a.payoutsEnabled(),
                    a.detailsSubmitted(),
                    a.requirementsDue(),
                    a.canSell(),
                    new FeeJson(a.fee().basisPoints(), a.fee().fixedMinor()));
        }
    }
}
