package io.loadwise.privacy.web;

import io.loadwise.privacy.ErasureSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An erasure's summary as the API answers it. */
record ErasureSummaryView(
        UUID clientId,
        Instant erasedAt,
        boolean alreadyErased,
        List<ErasureSummary.Removed> removed,
        List<ErasureSummary.Kept> kept) {

    static ErasureSummaryView of(ErasureSummary summary) {
        return new ErasureSummaryView(
                summary.clientId().value(), summary.erasedAt(), summary.repeated(), summary.removed(), summary.kept());
    }
}
