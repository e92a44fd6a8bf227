package io.loadwise.billing.catalog;

import com.stripe.exception.StripeException;
import io.loadwise.billing.catalog.internal.ProductRepository;
import io.loadwise.billing.catalog.internal.PromotionCodeRepository;
import io.loadwise.billing.catalog.internal.StripeCatalog;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.connect.StripeUnavailableException;
import io.loadwise.catalog.OfferKind;
import io.loadwise.shared.Ids;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.pdf.PdfReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog as the business's owner and coaches edit it. Every change is validated, saved, and
 * synced to a product and price on the connected account (a price change makes a new Stripe price
 * and archives the old one: Stripe prices are immutable).
 *
 * <p>The catalog row is the truth: it is saved first, in its own transaction, and Stripe is written
 * afterwards. When Stripe fails (or the business has no Stripe account yet) the product stays saved
 * and reads as "not yet synced" ({@link Product#synced()}, with {@link Product#syncError()}); the
 * next save, {@link #syncNow()}, onboarding completing ({@code ChargesEnabled}) or the worker's
 * scheduled retry ({@code CatalogSyncRetry}, {@link CatalogSyncProperties}) retries.
 */
@Service
public class ProductService {

    /** A coach of the business (owner or staff), never a platform admin. */
    public static final String COACHES = "hasRole('COACH') and !hasRole('PLATFORM_ADMIN')";

    public static final int MAX_GUIDE_BYTES = 50 * 1024 * 1024;
    public static final int MAX_COVER_BYTES = 2 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ProductService.class);
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final ProductRepository products;
    private final PromotionCodeRepository codes;
    private final StripeCatalog stripe;
    private final PaymentAccountService accounts;
    private final TenantDirectory tenants;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProductService(
            ProductRepository products,
            PromotionCodeRepository codes,
            StripeCatalog stripe,
            PaymentAccountService accounts,
            TenantDirectory tenants,
            TransactionTemplate tx,
            Clock clock) {
        this.products = products;
        this.codes = codes;
        this.stripe = stripe;
        this.accounts = accounts;
        this.tenants = tenants;
        this.tx = tx;
        this.clock = clock;
    }

    /** Every product, active first, archived ones too (past orders name them). */
    @PreAuthorize(COACHES)
    public List<Product> products() {
        TenantContext.require();
        return tx.execute(s -> products.list());
    }

    /** @throws NotFoundException when the business has no such product */
    @PreAuthorize(COACHES)
    public Product product(UUID id) {
        TenantContext.require();
        return find(id);
    }

    /**
     * Saves a new product in the business's currency, then syncs it to Stripe.
     *
     * @throws InvalidCatalogInputException naming each field that can't be saved
     */
    @PreAuthorize(COACHES)
    public Product create(ProductDraft draft) {
        TenantId tenant = TenantContext.require();
        ProductDraft valid = CatalogRules.validated(draft, null);
        String currency = tenants.findById(tenant)
                .orElseThrow(TenantContext.NoTenantException::new)
                .currency();
        UUID id = Ids.newId(clock);
        tx.executeWithoutResult(s -> products.insert(id, valid, currency));
        return synced(id);
    }

    /**
     * @param version the version the coach edited; a stale one is refused (412)
     * @throws StaleVersionException when someone else saved in the meantime (nothing is changed)
     * @throws InvalidCatalogInputException naming each field that can't be saved
     */
    @PreAuthorize(COACHES)
    public Product update(UUID id, int version, ProductDraft draft) {
        TenantContext.require();
        tx.executeWithoutResult(s -> {
            Product current = find(id);
            ProductDraft valid = CatalogRules.validated(draft, current.kind());
            if (!products.update(id, version, valid)) {
                throw new StaleVersionException("product", version, current.version());
            }
        });
        return synced(id);
    }

    /** Stops selling it (kept for past orders); Stripe's product is archived too. */
    @PreAuthorize(COACHES)
    public Product archive(UUID id) {
        TenantContext.require();
        tx.executeWithoutResult(s -> {
            find(id);
            products.archive(id);
        });
        return synced(id);
    }

    /**
     * A guide's PDF: checked to be a readable, unprotected PDF of at most 50 MB (every download is
     * stamped with its buyer); the page count is read from it when none was given.
     *
     * @throws UploadRejectedException for anything else (nothing is saved)
     */
    @PreAuthorize(COACHES)
    public Product uploadGuide(UUID id, String fileName, byte[] pdf) {
        TenantContext.require();
        Product product = find(id);
        if (product.kind() != OfferKind.GUIDE) {
            throw new IllegalArgumentException("Only guides have a PDF; this product is not a guide.");
        }
        if (pdf.length > MAX_GUIDE_BYTES) {
            throw new UploadRejectedException(
                    "The PDF is " + megabytes(pdf.length) + " MB; a guide can be at most " + megabytes(MAX_GUIDE_BYTES)
                            + " MB.",
                    true);
        }
        int pages = pageCount(pdf);
        tx.executeWithoutResult(s -> {
            products.saveFile(
                    id,
                    ProductRepository.GUIDE_PDF,
                    safeName(fileName, "guide.pdf"),
                    "application/pdf",
                    pdf,
                    sha256(pdf));
            products.setPageCountIfMissing(id, pages);
        });
        return find(id);
    }

    /**
     * A cover image (PNG, JPEG or WebP, at most 2 MB), recognised by its first bytes: a declared
     * content type proves nothing.
     *
     * @throws UploadRejectedException for anything else (nothing is saved)
     */
    @PreAuthorize(COACHES)
    public Product uploadCover(UUID id, String fileName, String contentType, byte[] image) {
        TenantContext.require();
        find(id);
        if (image.length > MAX_COVER_BYTES) {
            throw new UploadRejectedException(
                    "The image is " + image.length / 1024 + " KiB; a cover can be at most " + MAX_COVER_BYTES / 1024
                            + " KiB.",
                    true);
        }
        String type = imageType(image)
                .orElseThrow(() -> new UploadRejectedException(
                        "A cover must be a PNG, JPEG or WebP image"
                                + (contentType.isBlank() ? "" : " (this is not one," + " whatever its name says)")
                                + ".",
                        false));
        tx.executeWithoutResult(s -> products.saveFile(
                id, ProductRepository.COVER, safeName(fileName, "cover"), type, image, sha256(image)));
        return find(id);
    }

    /** An active product's cover, for storefronts: public, needs the tenant bound by the caller. */
    public Optional<CoverImage> cover(UUID id) {
        TenantContext.require();
        return tx.execute(s -> products.fileOfActiveOffer(id, ProductRepository.COVER))
                .map(f -> new CoverImage(f.contentType(), f.content(), f.sha256(), f.uploadedAt()));
    }

    @PreAuthorize(COACHES)
    public List<PromotionCode> promotionCodes() {
        TenantContext.require();
        return tx.execute(s -> codes.list());
    }

    /**
     * Saves a promotion code (the code upper-cased; an amount off is in the business's currency)
     * and creates its coupon and promotion code on the Stripe account; when that fails it stays
     * saved, not usable until a later sync succeeds.
     *
     * @throws InvalidCatalogInputException naming each field that can't be saved
     * @throws PromotionCodeTakenException when the business used the code before
     */
    @PreAuthorize(COACHES)
    public PromotionCode createPromotionCode(PromotionCodeDraft draft) {
        TenantId tenant = TenantContext.require();
        PromotionCodeDraft valid = CatalogRules.validated(draft, clock.instant());
        String currency = valid.amountOffMinor() == null
                ? null
                : tenants.findById(tenant)
                        .orElseThrow(TenantContext.NoTenantException::new)
                        .currency();
        UUID id = Ids.newId(clock);
        try {
            tx.executeWithoutResult(s -> {
                if (codes.codeTaken(valid.code())) {
                    throw new PromotionCodeTakenException(valid.code());
                }
                codes.insert(id, valid, currency);
            });
        } catch (DuplicateKeyException e) {
            // Another coach saved the same code between our check and our insert.
            throw new PromotionCodeTakenException(valid.code());
        }
        syncPromotionCode(id);
        return findCode(id);
    }

    /** Buyers can no longer use the code; deactivated on Stripe too (retried by a later sync if Stripe fails). */
    @PreAuthorize(COACHES)
    public PromotionCode deactivatePromotionCode(UUID id) {
        TenantContext.require();
        var row = tx.execute(s -> {
            findCode(id);
            codes.deactivate(id);
            return codes.row(id).orElseThrow();
        });
        String account = account();
        if (account != null && row.getStripePromotionCodeId() != null) {
            try {
                stripe.deactivatePromotionCode(account, row.getStripePromotionCodeId());
            } catch (StripeException e) {
                log.warn("Promotion code {} deactivated here, not yet on Stripe: {}", id, e.getMessage());
                tx.executeWithoutResult(
                        s -> codes.markSyncError(id, "Not yet deactivated on Stripe: " + e.getMessage()));
                throw new StripeUnavailableException("The code is deactivated here, but not yet on Stripe", e);
            }
        }
        return findCode(id);
    }

    /**
     * For checkout: the Stripe promotion code id of an active, unexpired code of the bound tenant
     * that exists on its Stripe account. No user check (visitors type codes).
     *
     * @param code as the buyer typed it (case and surrounding blanks ignored)
     */
    public Optional<String> activePromotion(String code) {
        TenantContext.require();
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        if (!CatalogRules.CODE.matcher(normalized).matches()) {
            return Optional.empty();
        }
        return tx.execute(s -> codes.activeStripeId(normalized, clock.instant()));
    }

    /**
     * For checkout: an active product of the bound tenant whose current version is on Stripe, with
     * its Stripe price. Empty when unknown, archived or not (yet) synced — such a product can't be
     * bought now. No user check (visitors buy).
     */
    public Optional<Product> forSale(UUID id) {
        TenantContext.require();
        return tx.execute(s -> products.find(id)).filter(p -> p.active() && p.synced() && p.stripePriceId() != null);
    }

    /** Coaches' "sync now": retries what is not on Stripe yet. */
    @PreAuthorize(COACHES)
    public List<Product> syncNow() {
        syncAll();
        return products();
    }

    /**
     * Syncs every product and promotion code of the bound tenant that Stripe lacks. For system work
     * (onboarding completed, scheduled retries); no user check. A failure is recorded on the row
     * and the rest carry on.
     *
     * @return how many products and codes are still not on Stripe
     */
    public int syncAll() {
        return syncUnsynced().left();
    }

    /**
     * As {@link #syncAll()}, telling how many entries were tried as well (for the scheduled retry's
     * log). No user check.
     */
    public CatalogSync syncUnsynced() {
        TenantContext.require();
        if (account() == null) {
            return new CatalogSync(
                    0,
                    tx.execute(
                            s -> products.unsynced().size() + codes.unsynced().size()));
        }
        List<UUID> unsyncedProducts = tx.execute(s -> products.unsynced());
        List<UUID> unsyncedCodes = tx.execute(s -> codes.unsynced());
        for (UUID id : unsyncedProducts) {
            syncProduct(id);
        }
        for (UUID id : unsyncedCodes) {
            syncPromotionCode(id);
        }
        return new CatalogSync(
                unsyncedProducts.size() + unsyncedCodes.size(),
                tx.execute(s -> products.unsynced().size() + codes.unsynced().size()));
    }

    /** Syncs one product, keeping a failure on the row rather than failing the coach's save. */
    private Product synced(UUID id) {
        syncProduct(id);
        return find(id);
    }

    private void syncProduct(UUID id) {
        String account = account();
        if (account == null) {
            return;
        }
        try {
            stripe.syncProduct(account, id);
        } catch (StripeException | RuntimeException e) {
            log.warn("Product {} saved, not yet synced to Stripe: {}", id, e.getMessage());
            tx.executeWithoutResult(
                    s -> products.markSyncError(id, "Saved, not yet synced to Stripe: " + e.getMessage()));
        }
    }

    private void syncPromotionCode(UUID id) {
        String account = account();
        if (account == null) {
            return;
        }
        try {
            stripe.syncPromotionCode(account, id);
        } catch (StripeException | RuntimeException e) {
            log.warn("Promotion code {} saved, not yet on Stripe: {}", id, e.getMessage());
            tx.executeWithoutResult(
                    s -> codes.markSyncError(id, "Saved, not yet created on Stripe: " + e.getMessage()));
        }
    }

    private @Nullable String account() {
        return accounts.find(TenantContext.require())
                .map(PaymentAccount::stripeAccountId)
                .orElse(null);
    }

    private Product find(UUID id) {
        return tx.execute(s -> products.find(id)).orElseThrow(() -> new NotFoundException("product", id));
    }

    private PromotionCode findCode(UUID id) {
        return tx.execute(s -> codes.find(id)).orElseThrow(() -> new NotFoundException("promotion code", id));
    }

    /** The page count of a readable, unprotected PDF. */
    static int pageCount(byte[] pdf) {
        if (pdf.length < PDF_MAGIC.length || !Arrays.equals(pdf, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw new UploadRejectedException("A guide must be a PDF file; this one is not.", false);
        }
        try (PdfReader reader = new PdfReader(pdf)) {
            if (reader.isEncrypted()) {
                throw new UploadRejectedException(
                        "The PDF is password-protected; upload it without protection (each buyer's copy is stamped"
                                + " with their name).",
                        false);
            }
            int pages = reader.getNumberOfPages();
            if (pages < 1) {
                throw new UploadRejectedException("The PDF has no pages.", false);
            }
            return pages;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadRejectedException rejected) {
                throw rejected;
            }
            throw new UploadRejectedException(
                    "The PDF can't be read (" + e.getMessage() + "); export it again.", false);
        }
    }

    static Optional<String> imageType(byte[] image) {
        if (startsWith(image, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of("image/png");
        }
        if (startsWith(image, 0, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(image, 0, new byte[] {'R', 'I', 'F', 'F'})
                && startsWith(image, 8, new byte[] {'W', 'E', 'B', 'P'})) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static String safeName(@Nullable String fileName, String fallback) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty()) {
            return fallback;
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /**
     * One business's sync of what Stripe lacked.
     *
     * @param tried products and promotion codes that were not on Stripe and were sent
     * @param left how many are still not on Stripe afterwards
     */
    public record CatalogSync(int tried, int left) {}

    /** A cover image's bytes and type, with its digest (the ETag) and upload time. */
    public record CoverImage(String contentType, byte[] content, String sha256, Instant uploadedAt) {}
}
