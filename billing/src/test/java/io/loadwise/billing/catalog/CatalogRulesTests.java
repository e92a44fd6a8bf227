package io.loadwise.billing.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.catalog.OfferKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CatalogRulesTests {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    static ProductDraft draft(OfferKind kind, long price, String interval, Integer trial, Integer pages) {
        return new ProductDraft(kind, "  Title  ", "  Summary ", " ", price, interval, trial, pages, true, 0);
    }

    @Test
    void a_valid_product_is_trimmed_and_its_interval_lower_cased() {
        ProductDraft valid = CatalogRules.validated(draft(OfferKind.COACHING, 19_900, " Quarter ", 7, null), null);

        assertThat(valid.title()).isEqualTo("Title");
        assertThat(valid.summary()).isEqualTo("Summary");
        assertThat(valid.description()).isNull();
        assertThat(valid.billingInterval()).isEqualTo("quarter");
        assertThat(valid.trialDays()).isEqualTo(7);
    }

    @Test
    void prices_follow_stripes_minimum_and_a_million() {
        assertThat(CatalogRules.validated(draft(OfferKind.GUIDE, 50, null, null, 12), null)
                        .priceMinor())
                .isEqualTo(50);
        assertThat(CatalogRules.validated(draft(OfferKind.GUIDE, 100_000_000, null, null, null), null)
                        .priceMinor())
                .isEqualTo(100_000_000);
        assertThatThrownBy(() -> CatalogRules.validated(draft(OfferKind.GUIDE, 49, null, null, null), null))
                .hasMessageContaining("at least 50");
        assertThatThrownBy(() -> CatalogRules.validated(draft(OfferKind.GUIDE, 100_000_001, null, null, null), null))
                .hasMessageContaining("1,000,000.00");
    }

    @Test
    void coaching_needs_a_month_or_quarter_and_may_have_a_trial_of_up_to_two_years() {
        assertThatThrownBy(() -> CatalogRules.validated(draft(OfferKind.COACHING, 9900, null, null, null), null))
                .isInstanceOfSatisfying(InvalidCatalogInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("billingInterval"));
        assertThatThrownBy(() -> CatalogRules.validated(draft(OfferKind.COACHING, 9900, "year", null, null), null))
                .hasMessageContaining("month or quarter");
        assertThat(CatalogRules.validated(draft(OfferKind.COACHING, 9900, "month", 730, null), null)
                        .trialDays())
                .isEqualTo(730);
        assertThatThrownBy(() -> CatalogRules.validated(draft(OfferKind.COACHING, 9900, "month", 731, null), null))
                .hasMessageContaining("1 to 730 days");
        assertThatThrownBy(() -> CatalogRules.validated(draft(OfferKind.COACHING, 9900, "month", 0, null), null))
                .hasMessageContaining("1 to 730 days");
    }

    @Test
    void one_time_products_have_no_interval_or_trial_and_only_guides_have_pages() {
        assertThatThrownBy(() -> CatalogRules.validated(draft(OfferKind.CUSTOM_PLAN, 14_900, "month", 7, 10), null))
                .isInstanceOfSatisfying(InvalidCatalogInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("billingInterval", "trialDays", "pageCount"));
    }

    @Test
    void a_product_keeps_its_kind() {
        assertThatThrownBy(() ->
                        CatalogRules.validated(draft(OfferKind.GUIDE, 3900, null, null, null), OfferKind.COACHING))
                .hasMessageContaining("A coaching package can't become a guide");
    }

    @Test
    void a_missing_kind_and_title_are_named() {
        ProductDraft empty = new ProductDraft(null, null, null, null, 0, null, null, null, true, 0);

        assertThatThrownBy(() -> CatalogRules.validated(empty, null))
                .isInstanceOfSatisfying(InvalidCatalogInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("kind", "title", "priceMinor"));
    }

    @Test
    void promotion_codes_are_upper_cased_and_take_one_kind_of_discount() {
        PromotionCodeDraft valid =
                CatalogRules.validated(new PromotionCodeDraft(" spring_25-x ", 25, null, null, null), NOW);
        assertThat(valid.code()).isEqualTo("SPRING_25-X");

        assertThat(CatalogRules.validated(new PromotionCodeDraft("ABC", null, 1L, 1, NOW.plusSeconds(1)), NOW)
                        .amountOffMinor())
                .isEqualTo(1L);
        assertThatThrownBy(() -> CatalogRules.validated(new PromotionCodeDraft("AB", null, null, null, null), NOW))
                .isInstanceOfSatisfying(InvalidCatalogInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("code", "percentOff"));
        assertThatThrownBy(
                        () -> CatalogRules.validated(new PromotionCodeDraft("X".repeat(41), 0, null, null, NOW), NOW))
                .isInstanceOfSatisfying(InvalidCatalogInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("code", "percentOff", "expiresAt"));
        assertThatThrownBy(() -> CatalogRules.validated(new PromotionCodeDraft("FREE", null, 0L, null, null), NOW))
                .hasMessageContaining("amount off");
    }
}
