package io.loadwise.notifications.events.internal;

import io.loadwise.commerce.DownloadLinks;
import io.loadwise.notifications.Channel;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.notifications.RenderRequest;
import io.loadwise.notifications.SecretLinks;
import io.loadwise.onboarding.AccountLinkPurpose;
import io.loadwise.onboarding.AccountLinks;
import io.loadwise.tenancy.TenantContext;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The secret links of the mails the event consumers ask for, issued at every render (ADR 0005):
 *
 * <ul>
 *   <li>invites and the signup's confirmation: a new account link ({@code /welcome/<token>}) for
 *       the member in the model, which replaces any older unused one, as the old mailers did;
 *   <li>a guide's receipt: a signed download link from billing (through the {@link DownloadLinks}
 *       SPI), when billing is deployed and the guide is still the buyer's; otherwise the receipt
 *       keeps its plain link to the portal's purchases page, where the buyer gets a fresh one.
 * </ul>
 */
@Component
class AccountSecretLinks implements SecretLinks {

    /**
     * A mail is read later than a checkout page, so its download link lives longer than the
     * page's; a refund or lost dispute is checked at download time and still ends it at once.
     */
    static final Duration MAILED_DOWNLOAD_LIFETIME = Duration.ofDays(7);

    private final AccountLinks accountLinks;
    private final ObjectProvider<DownloadLinks> downloadLinks;
    private final NotificationsProperties properties;

    AccountSecretLinks(
            AccountLinks accountLinks,
            ObjectProvider<DownloadLinks> downloadLinks,
            NotificationsProperties properties) {
        this.accountLinks = accountLinks;
        this.downloadLinks = downloadLinks;
        this.properties = properties;
    }

    @Override
    public Optional<String> issue(RenderRequest request) {
        if (request.channel() != Channel.EMAIL) {
            return Optional.empty(); // secrets never go into an inbox entry, which is stored
        }
        return switch (request.type()) {
            case CLIENT_INVITE, COACH_INVITE -> Optional.of(welcome(request, AccountLinkPurpose.INVITE));
            case SIGNUP_CONFIRMATION -> Optional.of(welcome(request, AccountLinkPurpose.VERIFY_EMAIL));
            case RECEIPT -> download(request);
            default -> Optional.empty();
        };
    }

    private String welcome(RenderRequest request, AccountLinkPurpose purpose) {
        UUID member = UUID.fromString(String.valueOf(request.model().get("memberId")));
        String token = TenantContext.callAs(request.tenantId(), () -> accountLinks.issue(member, purpose));
        return properties.link("/welcome/" + token);
    }

    private Optional<String> download(RenderRequest request) {
        if (!"guide".equals(request.model().get("offerKind"))) {
            return Optional.empty();
        }
        DownloadLinks links = downloadLinks.getIfAvailable();
        Object order = request.model().get("orderId");
        if (links == null || order == null) {
            return Optional.empty();
        }
        return links.issue(request.tenantId(), UUID.fromString(order.toString()), MAILED_DOWNLOAD_LIFETIME);
    }
}
