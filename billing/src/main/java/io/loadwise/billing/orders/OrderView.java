package io.loadwise.billing.orders;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.loadwise.catalog.OfferKind;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of a business's order ledger. Amounts in minor units of {@code currency}. */
public record OrderView(
        UUID id,
        Instant createdAt,
        @Nullable Instant paidAt,
        String offerTitle,
        OfferKind kind,
        @Nullable ClientId clientId,
        @Nullable String buyerName,
        String buyerEmail,
        OrderStatus status,
        String currency,
        long amountTotalMinor,
        long discountMinor,
        long taxMinor,
        long applicationFeeMinor,
        long refundedMinor,
        @Nullable String reviewReason) {

    /** What can still be refunded; in the API's JSON, which promises it (not a record component). */
    @JsonProperty("refundableMinor")
    public long refundableMinor() {
        return amountTotalMinor - refundedMinor;
    }
}
