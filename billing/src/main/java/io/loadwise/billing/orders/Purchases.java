package io.loadwise.billing.orders;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.billingportal.SessionCreateParams;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.StripeRequests;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.orders.internal.BillingQueries;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.NotFoundException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The signed-in client's own purchases, for her portal. */
@Service
public class Purchases {

    private final BillingQueries queries;
    private final ClientAccess access;
    private final PaymentAccountService accounts;
    private final StripeClient stripe;
    private final StripeProperties properties;
    private final TransactionTemplate readOnly;

    Purchases(
            BillingQueries queries,
            ClientAccess access,
            PaymentAccountService accounts,
            StripeClient stripe,
            StripeProperties properties,
            PlatformTransactionManager transactions) {
        this.queries = queries;
        this.access = access;
        this.accounts = accounts;
        this.stripe = stripe;
        this.properties = properties;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** What she bought, newest first, with her subscriptions' state. */
    @PreAuthorize("hasRole('CLIENT')")
    public List<Purchase> mine() {
        ClientId client = ownClient();
        return readOnly.execute(status -> queries.purchasesOf(client));
    }

    /**
     * A Stripe Customer Portal session for one of her subscriptions (change card, cancel);
     * Stripe sends her back to {@code returnUrl}, which must be on this installation.
     */
    @PreAuthorize("hasRole('CLIENT')")
    public URI customerPortal(UUID subscriptionId, URI returnUrl) {
        TenantId tenant = TenantContext.require();
        ClientId client = ownClient();
        URI publicUrl = properties.publicUrl();
        if (!Objects.equals(returnUrl.getScheme(), publicUrl.getScheme())
                || !Objects.equals(returnUrl.getAuthority(), publicUrl.getAuthority())) {
            throw new IllegalArgumentException("The return address must be on " + publicUrl + ".");
        }
        String customer = readOnly.execute(status -> queries.subscriptionOf(client, subscriptionId))
                .orElseThrow(() -> new NotFoundException("subscription", subscriptionId))
                .getStripeCustomerId();
        PaymentAccount account = accounts.find(tenant)
                .filter(a -> a.stripeAccountId() != null)
                .orElseThrow(() -> new NotFoundException("payment account", tenant));
        try {
            var session = stripe.v1()
                    .billingPortal()
                    .sessions()
                    .create(
                            SessionCreateParams.builder()
                                    .setCustomer(customer)
                                    .setReturnUrl(returnUrl.toString())
                                    .build(),
                            StripeRequests.onAccount(account.stripeAccountId()));
            return URI.create(session.getUrl());
        } catch (StripeException e) {
            throw new PaymentProviderException("Stripe did not open the customer portal: " + e.getMessage(), e);
        }
    }

    private ClientId ownClient() {
        TenantContext.require();
        return access.ownClient().orElseThrow(() -> new NotFoundException("client profile", "of the signed-in user"));
    }
}
