package io.loadwise.catalog;

import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.OFFER_FILES;

import io.loadwise.jooq.tables.records.OffersRecord;
import io.loadwise.tenancy.TenantContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
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
        return db.select(OFFERS.asterisk(), hasCover())
                .from(OFFERS)
                .where(OFFERS.ACTIVE.isTrue())
                .orderBy(OFFERS.POSITION, OFFERS.TITLE)
                .fetch(Catalog::toOffer);
    }

    /** One offer, active or not (past orders name archived ones). */
    public Optional<Offer> offer(UUID id) {
        TenantContext.require();
        return db.select(OFFERS.asterisk(), hasCover())
                .from(OFFERS)
                .where(OFFERS.ID.eq(id))
                .fetchOptional(Catalog::toOffer);
    }

    private static Field<Boolean> hasCover() {
        return DSL.field(DSL.exists(DSL.selectOne()
                        .from(OFFER_FILES)
                        .where(OFFER_FILES.TENANT_ID.eq(OFFERS.TENANT_ID))
                        .and(OFFER_FILES.OFFER_ID.eq(OFFERS.ID))
                        .and(OFFER_FILES.PURPOSE.eq("cover"))))
                .as("has_cover");
    }

    private static Offer toOffer(Record row) {
        OffersRecord r = row.into(OFFERS);
        return new Offer(
                r.getId(),
                OfferKind.fromDb(r.getKind()),
                r.getTitle(),
                r.getSummary(),
                r.getPriceMinor(),
                r.getCurrency(),
                r.getBillingInterval(),
                r.getDescription(),
                r.getPageCount(),
                r.getTrialDays(),
                row.get("has_cover", Boolean.class));
    }
}
