package io.loadwise.catalog;

import static io.loadwise.jooq.Tables.OFFERS;

import io.loadwise.tenancy.TenantContext;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the current tenant's catalog. Public: storefronts show it to visitors. */
@Service
@Transactional(readOnly = true)
public class Catalog {

    private final DSLContext db;

    Catalog(DSLContext db) {
        this.db = db;
    }

    public List<Offer> activeOffers() {
        TenantContext.require();
        return db.selectFrom(OFFERS)
                .where(OFFERS.ACTIVE.isTrue())
                .orderBy(OFFERS.POSITION, OFFERS.TITLE)
                .fetch(r -> new Offer(
                        r.getId(),
                        OfferKind.fromDb(r.getKind()),
                        r.getTitle(),
                        r.getSummary(),
                        r.getPriceMinor(),
                        r.getCurrency(),
                        r.getBillingInterval()));
    }
}
