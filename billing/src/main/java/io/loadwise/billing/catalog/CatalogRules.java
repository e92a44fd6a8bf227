package io.loadwise.billing.catalog;

import io.loadwise.catalog.OfferKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a product and a promotion code must look like. Each check names its field; all problems are
 * reported at once, so a coach fixes a form in one go.
 */
public final class CatalogRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_DESCRIPTION = 10_000;
    /** Stripe's smallest charge is about 0.50 in most currencies. */
    public static final long MIN_PRICE_MINOR = 50;
    /** 1,000,000.00 in a two-decimal currency. */
    public static final long MAX_PRICE_MINOR = 100_000_000;

    public static final int MAX_TRIAL_DAYS = 730;
    public static final int MAX_PAGE_COUNT = 5000;
    public static final int MAX_POSITION = 10_000;
    public static final int MAX_REDEMPTIONS = 1_000_000;
    public static final Pattern CODE = Pattern.compile("^[A-Z0-9_-]{3,40}$");

    private CatalogRules() {}

    /**
     * The draft with text trimmed, blanks made null and the interval lower-case.
     *
     * @param existingKind the kind of the product being changed, null for a new one (a product's
     *     kind never changes: orders and entitlements rely on it)
     * @throws InvalidCatalogInputException naming each field that can't be saved
     */
    public static ProductDraft validated(ProductDraft draft, @Nullable OfferKind existingKind) {
        List<FieldProblem> problems = new ArrayList<>();
        OfferKind kind = draft.kind();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "Choose what this is: guide, custom_plan or coaching."));
        } else if (existingKind != null && existingKind != kind) {
            problems.add(new FieldProblem(
                    "kind",
                    "A " + label(existingKind) + " can't become a " + label(kind)
                            + "; archive it and create a new product instead."));
        }
        String title = strip(draft.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "Give the product a title."));
        } else if (title.length() > MAX_TITLE) {
            problems.add(new FieldProblem(
                    "title", "Keep the title to " + MAX_TITLE + " characters (it has " + title.length() + ")."));
        }
        String summary = strip(draft.summary());
        if (summary != null && summary.length() > MAX_SUMMARY) {
            problems.add(new FieldProblem(
                    "summary",
                    "Keep the summary to " + MAX_SUMMARY + " characters (it has " + summary.length() + ")."));
        }
        String description = strip(draft.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem(
                    "description",
                    "Keep the description to " + MAX_DESCRIPTION + " characters (it has " + description.length()
                            + ")."));
        }
        if (draft.priceMinor() < MIN_PRICE_MINOR || draft.priceMinor() > MAX_PRICE_MINOR) {
            problems.add(new FieldProblem(
                    "priceMinor",
                    "The price is in minor units (cents): at least " + MIN_PRICE_MINOR
                            + " (Stripe's smallest charge) and at most " + MAX_PRICE_MINOR
                            + " (1,000,000.00), not " + draft.priceMinor() + "."));
        }
        String interval = strip(draft.billingInterval());
        interval = interval == null ? null : interval.toLowerCase(Locale.ROOT);
        boolean coaching = kind == OfferKind.COACHING;
        if (coaching && (interval == null || !(interval.equals("month") || interval.equals("quarter")))) {
            problems.add(new FieldProblem(
                    "billingInterval",
                    "A coaching package is billed per month or per quarter: choose month or quarter."));
        } else if (!coaching && interval != null && kind != null) {
            problems.add(new FieldProblem(
                    "billingInterval",
                    "Only coaching packages are billed per interval; a " + label(kind) + " is paid once."));
        }
        Integer trial = draft.trialDays();
        if (trial != null && coaching && (trial < 1 || trial > MAX_TRIAL_DAYS)) {
            problems.add(new FieldProblem(
                    "trialDays", "A free trial lasts 1 to " + MAX_TRIAL_DAYS + " days (or none), not " + trial + "."));
        } else if (trial != null && !coaching && kind != null) {
            problems.add(new FieldProblem("trialDays", "Only coaching packages have a free trial."));
        }
        Integer pages = draft.pageCount();
        if (pages != null && kind == OfferKind.GUIDE && (pages < 1 || pages > MAX_PAGE_COUNT)) {
            problems.add(
                    new FieldProblem("pageCount", "A guide has 1 to " + MAX_PAGE_COUNT + " pages, not " + pages + "."));
        } else if (pages != null && kind != OfferKind.GUIDE && kind != null) {
            problems.add(new FieldProblem("pageCount", "Only guides have a page count."));
        }
        if (draft.position() < 0 || draft.position() > MAX_POSITION) {
            problems.add(
                    new FieldProblem("position", "The position orders the storefront: 0 to " + MAX_POSITION + "."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogInputException("product", problems);
        }
        return new ProductDraft(
                kind,
                title,
                summary == null ? "" : summary,
                description,
                draft.priceMinor(),
                interval,
                trial,
                pages,
                draft.active(),
                draft.position());
    }

    /**
     * The draft with its code upper-cased.
     *
     * @param now what "expired" is measured against
     * @throws InvalidCatalogInputException naming each field that can't be saved
     */
    public static PromotionCodeDraft validated(PromotionCodeDraft draft, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String code = strip(draft.code());
        code = code == null ? null : code.toUpperCase(Locale.ROOT);
        if (code == null || !CODE.matcher(code).matches()) {
            problems.add(new FieldProblem(
                    "code", "A code has 3 to 40 letters, digits, '-' or '_' (no spaces), like WELCOME10."));
        }
        Integer percent = draft.percentOff();
        Long amount = draft.amountOffMinor();
        if ((percent == null) == (amount == null)) {
            problems.add(new FieldProblem(
                    "percentOff",
                    "Give either a percentage off or an amount off (amountOffMinor), not both or neither."));
        } else if (percent != null && (percent < 1 || percent > 100)) {
            problems.add(new FieldProblem("percentOff", "A percentage off is 1 to 100, not " + percent + "."));
        } else if (amount != null && (amount < 1 || amount > MAX_PRICE_MINOR)) {
            problems.add(new FieldProblem(
                    "amountOffMinor",
                    "An amount off is in minor units (cents) of the business's currency: 1 to " + MAX_PRICE_MINOR
                            + ", not " + amount + "."));
        }
        Integer max = draft.maxRedemptions();
        if (max != null && (max < 1 || max > MAX_REDEMPTIONS)) {
            problems.add(new FieldProblem(
                    "maxRedemptions", "Limit the code to 1 to " + MAX_REDEMPTIONS + " uses, or leave it unlimited."));
        }
        if (draft.expiresAt() != null && !draft.expiresAt().isAfter(now)) {
            problems.add(new FieldProblem("expiresAt", "The expiry must be in the future."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogInputException("promotion code", problems);
        }
        return new PromotionCodeDraft(code, percent, amount, max, draft.expiresAt());
    }

    private static String label(OfferKind kind) {
        return switch (kind) {
            case GUIDE -> "guide";
            case CUSTOM_PLAN -> "custom plan";
            case COACHING -> "coaching package";
        };
    }

    private static @Nullable String strip(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip();
    }
}
