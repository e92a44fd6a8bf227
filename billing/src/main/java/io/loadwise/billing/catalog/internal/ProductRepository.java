package io.loadwise.billing.catalog.internal;

import static io.loadwise.jooq.Tables.OFFERS;
import static io.loadwise.jooq.Tables.OFFER_FILES;

import io.loadwise.billing.catalog.Product;
import io.loadwise.billing.catalog.ProductDraft;
import io.loadwise.catalog.OfferKind;
import io.loadwise.jooq.tables.records.OffersRecord;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The bound tenant's offers as the catalog edits them, their files and their Stripe sync state. */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class ProductRepository {

    public static final String GUIDE_PDF = "guide_pdf";
    public static final String COVER = "cover";

    private final DSLContext db;
    private final Clock clock;

    ProductRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Product> list() {
        return db.select(OFFERS.asterisk(), hasFile(GUIDE_PDF), hasFile(COVER))
                .from(OFFERS)
                .orderBy(OFFERS.ACTIVE.desc(), OFFERS.POSITION, OFFERS.TITLE, OFFERS.ID)
                .fetch(ProductRepository::toProduct);
    }

    public Optional<Product> find(UUID id) {
        return db.select(OFFERS.asterisk(), hasFile(GUIDE_PDF), hasFile(COVER))
                .from(OFFERS)
                .where(OFFERS.ID.eq(id))
                .fetchOptional(ProductRepository::toProduct);
    }

    public void insert(UUID id, ProductDraft draft, String currency) {
        OffsetDateTime now = now();
        db.insertInto(OFFERS)
                .set(OFFERS.TENANT_ID, TenantContext.require().value())
                .set(OFFERS.ID, id)
                .set(OFFERS.KIND, draft.kind().dbValue())
                .set(OFFERS.CURRENCY, currency)
                .set(OFFERS.CREATED_AT, now)
                .set(OFFERS.UPDATED_AT, now)
                .set(OFFERS.TITLE, draft.title())
                .set(OFFERS.SUMMARY, draft.summary())
                .set(OFFERS.DESCRIPTION, draft.description())
                .set(OFFERS.PRICE_MINOR, draft.priceMinor())
                .set(OFFERS.BILLING_INTERVAL, draft.billingInterval())
                .set(OFFERS.TRIAL_DAYS, draft.trialDays())
                .set(OFFERS.PAGE_COUNT, draft.pageCount())
                .set(OFFERS.ACTIVE, draft.active())
                .set(OFFERS.POSITION, draft.position())
                .execute();
    }

    /** @return false when {@code expectedVersion} is no longer current (nothing changed) */
    public boolean update(UUID id, int expectedVersion, ProductDraft draft) {
        return db.update(OFFERS)
                        .set(OFFERS.TITLE, draft.title())
                        .set(OFFERS.SUMMARY, draft.summary())
                        .set(OFFERS.DESCRIPTION, draft.description())
                        .set(OFFERS.PRICE_MINOR, draft.priceMinor())
                        .set(OFFERS.BILLING_INTERVAL, draft.billingInterval())
                        .set(OFFERS.TRIAL_DAYS, draft.trialDays())
                        .set(OFFERS.PAGE_COUNT, draft.pageCount())
                        .set(OFFERS.ACTIVE, draft.active())
                        .set(OFFERS.POSITION, draft.position())
                        .set(OFFERS.UPDATED_AT, now())
                        .set(OFFERS.VERSION, OFFERS.VERSION.plus(1))
                        .where(OFFERS.ID.eq(id))
                        .and(OFFERS.VERSION.eq(expectedVersion))
                        .execute()
                == 1;
    }

    public void archive(UUID id) {
        db.update(OFFERS)
                .set(OFFERS.ACTIVE, false)
                .set(OFFERS.UPDATED_AT, now())
                .set(OFFERS.VERSION, OFFERS.VERSION.plus(1))
                .where(OFFERS.ID.eq(id))
                .and(OFFERS.ACTIVE.isTrue())
                .execute();
    }

    /** Offers whose current version Stripe does not have yet. */
    public List<UUID> unsynced() {
        return db.select(OFFERS.ID)
                .from(OFFERS)
                .where(OFFERS.SYNCED_AT.isNull().or(OFFERS.SYNCED_AT.lt(OFFERS.UPDATED_AT)))
                .orderBy(OFFERS.POSITION, OFFERS.ID)
                .fetch(OFFERS.ID);
    }

    public Optional<OffersRecord> row(UUID id) {
        return db.selectFrom(OFFERS).where(OFFERS.ID.eq(id)).fetchOptional();
    }

    public void setStripeProduct(UUID id, String productId) {
        db.update(OFFERS)
                .set(OFFERS.STRIPE_PRODUCT_ID, productId)
                .where(OFFERS.ID.eq(id))
                .execute();
    }

    /** @param pricedAs what the price stands for (see {@code StripeCatalog#priceKey}) */
    public void setStripePrice(UUID id, String priceId, String pricedAs) {
        db.update(OFFERS)
                .set(OFFERS.STRIPE_PRICE_ID, priceId)
                .set(OFFERS.SYNCED_PRICE, pricedAs)
                .where(OFFERS.ID.eq(id))
                .execute();
    }

    /** Marks {@code version} as on Stripe; a newer version saved meanwhile stays unsynced. */
    public void markSynced(UUID id, int version) {
        db.update(OFFERS)
                .set(OFFERS.SYNCED_AT, now())
                .set(OFFERS.SYNC_ERROR, (String) null)
                .where(OFFERS.ID.eq(id))
                .and(OFFERS.VERSION.eq(version))
                .execute();
    }

    public void markSyncError(UUID id, @Nullable String error) {
        db.update(OFFERS)
                .set(OFFERS.SYNC_ERROR, error == null ? null : shorten(error, 500))
                .where(OFFERS.ID.eq(id))
                .execute();
    }

    /** Saves (or replaces) a file of an offer; bumps the offer's version so editors see the change. */
    public void saveFile(
            UUID offerId, String purpose, String fileName, String contentType, byte[] content, String sha256) {
        OffsetDateTime now = now();
        db.insertInto(OFFER_FILES)
                .set(OFFER_FILES.TENANT_ID, TenantContext.require().value())
                .set(OFFER_FILES.OFFER_ID, offerId)
                .set(OFFER_FILES.PURPOSE, purpose)
                .set(OFFER_FILES.FILE_NAME, fileName)
                .set(OFFER_FILES.CONTENT_TYPE, contentType)
                .set(OFFER_FILES.SIZE_BYTES, content.length)
                .set(OFFER_FILES.SHA256, sha256)
                .set(OFFER_FILES.CONTENT, content)
                .set(OFFER_FILES.UPLOADED_AT, now)
                .onConflict(OFFER_FILES.TENANT_ID, OFFER_FILES.OFFER_ID, OFFER_FILES.PURPOSE)
                .doUpdate()
                .set(OFFER_FILES.FILE_NAME, fileName)
                .set(OFFER_FILES.CONTENT_TYPE, contentType)
                .set(OFFER_FILES.SIZE_BYTES, content.length)
                .set(OFFER_FILES.SHA256, sha256)
                .set(OFFER_FILES.CONTENT, content)
                .set(OFFER_FILES.UPLOADED_AT, now)
                .execute();
        // Not updated_at: the files are ours, not Stripe's, so the product stays in sync.
        db.update(OFFERS)
                .set(OFFERS.VERSION, OFFERS.VERSION.plus(1))
                .where(OFFERS.ID.eq(offerId))
                .execute();
    }

    public void setPageCountIfMissing(UUID id, int pages) {
        db.update(OFFERS)
                .set(OFFERS.PAGE_COUNT, pages)
                .where(OFFERS.ID.eq(id))
                .and(OFFERS.PAGE_COUNT.isNull())
                .execute();
    }

    /** A file of an active offer, for storefronts. */
    public Optional<StoredFile> fileOfActiveOffer(UUID offerId, String purpose) {
        return db.select(OFFER_FILES.CONTENT_TYPE, OFFER_FILES.CONTENT, OFFER_FILES.SHA256, OFFER_FILES.UPLOADED_AT)
                .from(OFFER_FILES)
                .join(OFFERS)
                .on(OFFERS.TENANT_ID.eq(OFFER_FILES.TENANT_ID).and(OFFERS.ID.eq(OFFER_FILES.OFFER_ID)))
                .where(OFFER_FILES.OFFER_ID.eq(offerId))
                .and(OFFER_FILES.PURPOSE.eq(purpose))
                .and(OFFERS.ACTIVE.isTrue())
                .fetchOptional(r -> new StoredFile(
                        r.value1(), r.value2(), r.value3(), r.value4().toInstant()));
    }

    /** A stored file's bytes, type, digest and upload time. */
    public record StoredFile(String contentType, byte[] content, String sha256, Instant uploadedAt) {}

    private static Field<Boolean> hasFile(String purpose) {
        return DSL.field(DSL.exists(DSL.selectOne()
                        .from(OFFER_FILES)
                        .where(OFFER_FILES.TENANT_ID.eq(OFFERS.TENANT_ID))
                        .and(OFFER_FILES.OFFER_ID.eq(OFFERS.ID))
                        .and(OFFER_FILES.PURPOSE.eq(purpose))))
                .as("has_" + purpose);
    }

    private static Product toProduct(Record row) {
        OffersRecord r = row.into(OFFERS);
        Instant syncedAt = r.getSyncedAt() == null ? null : r.getSyncedAt().toInstant();
        Instant updatedAt = r.getUpdatedAt() == null ? null : r.getUpdatedAt().toInstant();
        boolean synced = syncedAt != null && (updatedAt == null || !syncedAt.isBefore(updatedAt));
        return new Product(
                r.getId(),
                r.getVersion(),
                OfferKind.fromDb(r.getKind()),
                r.getTitle(),
                r.getSummary(),
                r.getDescription(),
                r.getPriceMinor(),
                r.getCurrency(),
                r.getBillingInterval(),
                r.getTrialDays(),
                r.getPageCount(),
                r.getActive(),
                r.getPosition(),
                row.get("has_" + GUIDE_PDF, Boolean.class),
                row.get("has_" + COVER, Boolean.class),
                r.getStripePriceId(),
                syncedAt,
                synced,
                r.getSyncError());
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
