package io.loadwise.billing.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The catalog as the business's owner and coaches edit it. Every change is validated, saved, and
 * synced to a product and price on the connected account (a price change makes a new Stripe price
 * and archives the old one: Stripe prices are immutable).
 */
@Service
public class ProductService {

    public List<Product> products() {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    public Product product(UUID id) {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    public Product create(ProductDraft draft) {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    /** @param version the version the coach edited; a stale one is refused (412) */
    public Product update(UUID id, int version, ProductDraft draft) {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    /** Stops selling it (kept for past orders); Stripe's product is archived too. */
    public Product archive(UUID id) {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    /** A guide's PDF: checked to be a PDF, page count read from it when none was given. */
    public Product uploadGuide(UUID id, String fileName, byte[] pdf) {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    /** A cover image (PNG, JPEG or WebP, at most 2 MB). */
    public Product uploadCover(UUID id, String fileName, String contentType, byte[] image) {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    /** An active product's cover, for storefronts: public, needs the tenant bound by the caller. */
    public Optional<CoverImage> cover(UUID id) {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    public List<PromotionCode> promotionCodes() {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    public PromotionCode createPromotionCode(PromotionCodeDraft draft) {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    public PromotionCode deactivatePromotionCode(UUID id) {
        throw new UnsupportedOperationException("Commerce issue: catalog");
    }

    /** A cover image's bytes and type. */
    public record CoverImage(String contentType, byte[] content) {}
}
