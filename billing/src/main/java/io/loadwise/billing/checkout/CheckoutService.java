package io.loadwise.billing.checkout;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.param.checkout.SessionCreateParams;
import io.loadwise.billing.CheckoutMetadata;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.StripeRequests;
import io.loadwise.billing.checkout.internal.CheckoutRepository;
import io.loadwise.billing.checkout.internal.CheckoutRepository.KnownPromotionCode;
import io.loadwise.billing.checkout.internal.CheckoutRepository.OfferForSale;
import io.loadwise.billing.checkout.internal.CheckoutRepository.OrderState;
import io.loadwise.billing.checkout.internal.CheckoutRepository.PendingOrder;
import io.loadwise.billing.connect.NotSellingException;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.delivery.GuideDownloads;
import io.loadwise.catalog.OfferKind;
import io.loadwise.identity.CurrentUser;
import io.loadwise.identity.CurrentUsers;
import io.loadwise.identity.Role;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientContact;
import io.loadwise.roster.ClientContacts;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.Ids;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Starts Stripe Checkout for a storefront visitor — a guest, or a signed-in client of that
 * business — on the business's connected account, and reports an order's fulfilment to the
 * success page. Fulfilment itself happens only in the webhook handlers.
 *
 * <p>Fees: a one-time purchase carries {@code application_fee_amount} = the business's {@link
 * io.loadwise.billing.connect.PlatformFee} on the price after a promotion code we know of. A
 * subscription can only carry a percentage ({@code application_fee_percent}), so the fixed part of
 * the fee does not apply to coaching subscriptions. When no code is given the buyer may still
 * enter one on Stripe's page; the fee was then computed on the full price, and the order ledger
 * records what Stripe actually took.
 */
@Service
public class CheckoutService {

    /** Stands in for the buyer's email until the webhook reports what she typed at Stripe. */
    static final String UNKNOWN_EMAIL = "";

    private final TenantDirectory tenants;
    private final PaymentAccountService paymentAccounts;
    private final CheckoutRepository checkouts;
    private final ClientAccess clientAccess;
    private final ClientContacts clientContacts;
    private final GuideDownloads guideDownloads;
    private final StripeClient stripe;
    private final StripeProperties properties;
    private final Clock clock;

    CheckoutService(
            TenantDirectory tenants,
            PaymentAccountService paymentAccounts,
            CheckoutRepository checkouts,
            ClientAccess clientAccess,
            ClientContacts clientContacts,
            GuideDownloads guideDownloads,
            StripeClient stripe,
            StripeProperties properties,
            Clock clock) {
        this.tenants = tenants;
        this.paymentAccounts = paymentAccounts;
        this.checkouts = checkouts;
        this.clientAccess = clientAccess;
        this.clientContacts = clientContacts;
        this.guideDownloads = guideDownloads;
        this.stripe = stripe;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param slug the storefront's business (the tenant comes from it, never from the buyer)
     * @param promotionCode optional; an unknown or inactive code is refused before Stripe is called
     * @throws NotFoundException when there is no such storefront or offer
     * @throws OfferNotForSaleException when the offer is archived, not priced in Stripe yet, or a
     *     guide without its PDF
     * @throws UnknownPromotionCodeException when the code is not one of the business's active codes
     * @throws NotSellingException when the business cannot take payments
     * @throws CheckoutUnavailableException when Stripe did not open the session
     */
    public CheckoutStarted start(String slug, UUID offerId, @Nullable String promotionCode) {
        Tenant tenant = storefront(slug);
        return TenantContext.callAs(tenant.id(), () -> startFor(tenant, offerId, promotionCode));
    }

    private CheckoutStarted startFor(Tenant tenant, UUID offerId, @Nullable String promotionCode) {
        OfferForSale offer = checkouts.offer(offerId).orElseThrow(() -> new NotFoundException("offer", offerId));
        requireForSale(offer);
        PaymentAccount account = paymentAccounts
                .find(tenant.id())
                .filter(PaymentAccount::canSell)
                .orElseThrow(() -> new NotSellingException(tenant.name()));
        Optional<KnownPromotionCode> code = promotion(promotionCode, offer);
        Optional<Buyer> buyer = signedInClient();

        UUID orderId = Ids.newId(clock);
        checkouts.insertPendingOrder(
                new PendingOrder(
                        orderId,
                        offer.id(),
                        offer.kind(),
                        buyer.map(b -> b.client().value()).orElse(null),
                        buyer.map(Buyer::email).orElse(UNKNOWN_EMAIL),
                        offer.currency(),
                        offer.priceMinor(),
                        properties.livemode()),
                OffsetDateTime.now(clock));
        Session session;
        try {
            session = stripe.v1()
                    .checkout()
                    .sessions()
                    .create(
                            sessionParams(tenant, offer, account, code, buyer, orderId),
                            // The order id keys the request: a retry of this call never opens a second session.
                            StripeRequests.onAccount(account.stripeAccountId(), "checkout:" + orderId));
        } catch (StripeException | RuntimeException e) {
            checkouts.discardUnstartedOrder(orderId);
            throw new CheckoutUnavailableException(e);
        }
        checkouts.attachCheckoutSession(orderId, session.getId(), OffsetDateTime.now(clock));
        return new CheckoutStarted(orderId, session.getId(), URI.create(session.getUrl()));
    }

    /**
     * The success page's question: is the order behind this Checkout Session fulfilled yet? Only
     * reads: fulfilment comes from webhooks.
     *
     * @throws NotFoundException when the session is not one of this storefront's orders
     */
    public CheckoutOutcome outcome(String slug, String checkoutSessionId) {
        Tenant tenant = storefront(slug);
        OrderState order = TenantContext.callAs(tenant.id(), () -> checkouts
                .orderOfSession(checkoutSessionId)
                .orElseThrow(() -> new NotFoundException("checkout", checkoutSessionId)));
        CheckoutOutcome.State state = state(order);
        URI download = state == CheckoutOutcome.State.FULFILLED && order.kind() == OfferKind.GUIDE
                ? guideDownloads.linkForOrder(tenant.id(), order.id()).orElse(null)
                : null;
        boolean visitorIsTheBuyer = order.clientId() != null
                && TenantContext.callAs(tenant.id(), this::signedInClient)
                        .filter(buyer -> buyer.client().value().equals(order.clientId()))
                        .isPresent();
        return new CheckoutOutcome(
                state,
                order.id(),
                order.offerTitle(),
                order.kind(),
                download,
                order.buyerEmail().isBlank() ? null : order.buyerEmail(),
                !visitorIsTheBuyer);
    }

    private static CheckoutOutcome.State state(OrderState order) {
        return switch (order.status()) {
            case "pending" -> CheckoutOutcome.State.WAITING;
            // Paid is not yet fulfilled: the page waits until the webhook granted the entitlement.
            case "paid", "partially_refunded", "disputed" ->
                order.entitled() ? CheckoutOutcome.State.FULFILLED : CheckoutOutcome.State.WAITING;
            case "review" -> CheckoutOutcome.State.REVIEW;
            case "expired" -> CheckoutOutcome.State.EXPIRED;
            default -> CheckoutOutcome.State.FAILED;
        };
    }

    private Tenant storefront(String slug) {
        return tenants.findStorefront(slug).orElseThrow(() -> new NotFoundException("storefront", slug));
    }

    private static void requireForSale(OfferForSale offer) {
        if (!offer.active()) {
            throw new OfferNotForSaleException(offer.title() + " is no longer sold.");
        }
        if (offer.stripePriceId() == null) {
            throw new OfferNotForSaleException(
                    offer.title() + " cannot be bought yet: its price is still being set up with Stripe.");
        }
        if (offer.kind() == OfferKind.GUIDE && !offer.hasGuidePdf()) {
            throw new OfferNotForSaleException(
                    offer.title() + " cannot be bought yet: the guide's PDF has not been uploaded.");
        }
    }

    private Optional<KnownPromotionCode> promotion(@Nullable String given, OfferForSale offer) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        String code = given.strip().toUpperCase(Locale.ROOT);
        KnownPromotionCode known = checkouts
                .activePromotionCode(code, OffsetDateTime.now(clock))
                .orElseThrow(() -> new UnknownPromotionCodeException(
                        code, "The promotion code " + code + " is not valid (unknown, used up or expired)."));
        if (!known.appliesTo(offer.currency())) {
            throw new UnknownPromotionCodeException(
                    code, "The promotion code " + code + " does not apply to prices in " + offer.currency() + ".");
        }
        return Optional.of(known);
    }

    /** A signed-in client of the bound business; a coach, or a client of another business, buys as a guest. */
    private Optional<Buyer> signedInClient() {
        Optional<CurrentUser> user = CurrentUsers.current().filter(u -> u.has(Role.CLIENT));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return clientAccess.ownClient().map(client -> new Buyer(client, email(client, user.get())));
    }

    private String email(ClientId client, CurrentUser user) {
        return clientContacts
                .of(client)
                .map(ClientContact::clientEmail)
                .or(() -> Optional.ofNullable(user.email()))
                .map(email -> email.toLowerCase(Locale.ROOT))
                .orElse(UNKNOWN_EMAIL);
    }

    private SessionCreateParams sessionParams(
            Tenant tenant,
            OfferForSale offer,
            PaymentAccount account,
            Optional<KnownPromotionCode> code,
            Optional<Buyer> buyer,
            UUID orderId) {
        Map<String, String> metadata = metadata(tenant, offer, orderId, buyer);
        String storefront = properties.publicUrl().toString().replaceAll("/+$", "") + "/t/" + tenant.slug();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setSuccessUrl(storefront + "/thanks?session_id={CHECKOUT_SESSION_ID}")
                .setCancelUrl(storefront)
                .setClientReferenceId(orderId.toString())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(offer.stripePriceId())
                        .setQuantity(1L)
                        .build())
                .putAllMetadata(metadata);
        code.ifPresentOrElse(
                known -> params.addDiscount(SessionCreateParams.Discount.builder()
                        .setPromotionCode(known.stripePromotionCodeId())
                        .build()),
                () -> {
                    // A one-time payment's fee is a fixed amount computed here from the price we
                    // know; a code typed on Stripe's page could bring the total below it. Codes
                    // for one-time purchases are therefore entered on our storefront only.
                    // Subscriptions take a percentage, which follows any discount.
                    if (offer.kind() == OfferKind.COACHING) {
                        params.setAllowPromotionCodes(true);
                    }
                });
        buyer.filter(b -> !b.email().isBlank()).ifPresent(b -> params.setCustomerEmail(b.email()));

        if (offer.kind() == OfferKind.COACHING) {
            SessionCreateParams.SubscriptionData.Builder subscription =
                    SessionCreateParams.SubscriptionData.builder().putAllMetadata(metadata);
            if (account.fee().basisPoints() > 0) {
                subscription.setApplicationFeePercent(
                        BigDecimal.valueOf(account.fee().basisPoints(), 2));
            }
            if (offer.trialDays() != null) {
                subscription.setTrialPeriodDays(offer.trialDays().longValue());
            }
            params.setMode(SessionCreateParams.Mode.SUBSCRIPTION).setSubscriptionData(subscription.build());
        } else {
            long charged = code.map(known -> known.appliedTo(offer.priceMinor(), offer.currency()))
                    .orElse(offer.priceMinor());
            SessionCreateParams.PaymentIntentData.Builder payment =
                    SessionCreateParams.PaymentIntentData.builder().putAllMetadata(metadata);
            long fee = account.fee().on(charged);
            if (fee > 0) {
                payment.setApplicationFeeAmount(fee);
            }
            params.setMode(SessionCreateParams.Mode.PAYMENT).setPaymentIntentData(payment.build());
        }
        return params.build();
    }

    private static Map<String, String> metadata(
            Tenant tenant, OfferForSale offer, UUID orderId, Optional<Buyer> buyer) {
        return buyer.map(b -> Map.of(
                        CheckoutMetadata.TENANT, tenant.id().toString(),
                        CheckoutMetadata.OFFER, offer.id().toString(),
                        CheckoutMetadata.ORDER, orderId.toString(),
                        CheckoutMetadata.CLIENT, b.client().toString()))
                .orElseGet(() -> Map.of(
                        CheckoutMetadata.TENANT, tenant.id().toString(),
                        CheckoutMetadata.OFFER, offer.id().toString(),
                        CheckoutMetadata.ORDER, orderId.toString()));
    }

    /** A signed-in client of the business, with the email her roster entry has. */
    private record Buyer(ClientId client, String email) {}
}
