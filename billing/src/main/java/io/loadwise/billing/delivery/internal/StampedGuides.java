package io.loadwise.billing.delivery.internal;

import io.loadwise.billing.delivery.internal.DownloadRepository.GuideEntitlement;
import io.loadwise.billing.delivery.internal.DownloadTokens.Verification;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serves a download link: checks the token, then the entitlement behind it, stamps the guide for
 * its buyer and counts the download. Everything after the token check runs as the token's tenant.
 */
@Service
public class StampedGuides {

    private final DownloadTokens tokens;
    private final DownloadRepository downloads;
    private final GuideStamper stamper;
    private final TenantDirectory tenants;
    private final TransactionTemplate tx;
    private final Clock clock;

    StampedGuides(
            DownloadTokens tokens,
            DownloadRepository downloads,
            GuideStamper stamper,
            TenantDirectory tenants,
            TransactionTemplate tx,
            Clock clock) {
        this.tokens = tokens;
        this.downloads = downloads;
        this.stamper = stamper;
        this.tenants = tenants;
        this.tx = tx;
        this.clock = clock;
    }

    public Delivery serve(String token) {
        return switch (tokens.verify(token, clock.instant())) {
            case Verification.Invalid invalid -> new Delivery.Refused(Refusal.INVALID, null, null);
            case Verification.Expired expired -> expired(expired);
            case Verification.Valid valid -> serve(valid);
        };
    }

    private Delivery expired(Verification.Expired expired) {
        @Nullable String business = businessName(expired.tenant());
        return TenantContext.callAs(expired.tenant(), () -> downloads
                .guideEntitlement(expired.entitlementId())
                .<Delivery>map(entitlement -> new Delivery.Refused(
                        entitlement.active() ? Refusal.EXPIRED : Refusal.REVOKED,
                        business,
                        entitlement.active() ? mask(entitlement.buyerEmail()) : null))
                .orElseGet(() -> new Delivery.Refused(Refusal.REVOKED, business, null)));
    }

    private Delivery serve(Verification.Valid valid) {
        Optional<Tenant> tenant = tenants.findById(valid.tenant());
        @Nullable String business = tenant.map(Tenant::name).orElse(null);
        return TenantContext.callAs(valid.tenant(), () -> {
            Optional<GuideEntitlement> found = downloads.guideEntitlement(valid.entitlementId());
            if (found.isEmpty() || !found.get().active()) {
                return new Delivery.Refused(Refusal.REVOKED, business, null);
            }
            GuideEntitlement entitlement = found.get();
            Optional<byte[]> pdf =
                    entitlement.offerId() == null ? Optional.empty() : downloads.guidePdf(entitlement.offerId());
            if (pdf.isEmpty()) {
                return new Delivery.Refused(Refusal.UNAVAILABLE, business, null);
            }
            byte[] stamped = stamper.stamp(
                    pdf.get(),
                    licence(entitlement, business),
                    entitlement.orderId().toString());
            Boolean counted =
                    tx.execute(status -> downloads.countDownload(entitlement.id(), OffsetDateTime.now(clock)));
            if (!Boolean.TRUE.equals(counted)) {
                // Revoked while we stamped: a refund won the race.
                return new Delivery.Refused(Refusal.REVOKED, business, null);
            }
            return new Delivery.Served(entitlement.guideTitle(), stamped);
        });
    }

    static String licence(GuideEntitlement entitlement, @Nullable String business) {
        StringBuilder line = new StringBuilder("Licensed to ");
        String name = entitlement.buyerName();
        String email = entitlement.buyerEmail();
        boolean hasName = name != null && !name.isBlank();
        boolean hasEmail = email != null && !email.isBlank();
        if (hasName) {
            line.append(name.strip());
        }
        if (hasEmail) {
            line.append(hasName ? " <" + email + ">" : email);
        }
        if (!hasName && !hasEmail) {
            line.append("the buyer");
        }
        line.append(" · Order ").append(entitlement.orderId());
        if (business != null) {
            line.append(" · ").append(business);
        }
        return line.append(" — personal copy, please do not share").toString();
    }

    /** {@code jess@example.com} → {@code j***@example.com}: enough for its owner to recognise. */
    static @Nullable String mask(@Nullable String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return null;
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    private @Nullable String businessName(TenantId tenant) {
        return tenants.findById(tenant).map(Tenant::name).orElse(null);
    }

    public enum Refusal {
        /** Malformed, tampered with, or not ours: nothing more is said. */
        INVALID,
        /** Authentic, but past its lifetime. */
        EXPIRED,
        /** The purchase was refunded or lost in a dispute (or no longer exists). */
        REVOKED,
        /** The business removed the guide's file. */
        UNAVAILABLE
    }

    /** What a download link gave. */
    public sealed interface Delivery {

        record Served(String guideTitle, byte[] pdf) implements Delivery {}

        /**
         * @param businessName only for an authentic token
         * @param maskedEmail only for an expired, authentic token of an active purchase
         */
        record Refused(
                Refusal reason,
                @Nullable String businessName,
                @Nullable String maskedEmail) implements Delivery {}
    }
}
