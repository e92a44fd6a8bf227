package io.loadwise.ui.billing;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.billing.catalog.InvalidCatalogInputException;
import io.loadwise.billing.catalog.ProductService;
import io.loadwise.billing.catalog.PromotionCode;
import io.loadwise.billing.catalog.PromotionCodeDraft;
import io.loadwise.billing.catalog.PromotionCodeTakenException;
import io.loadwise.billing.connect.StripeUnavailableException;
import io.loadwise.ui.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The business's promotion codes: a percentage or an amount off, optionally limited in uses and
 * time; deactivating one stops it working at checkout.
 */
final class PromotionCodesPanel extends VerticalLayout {

    static final String PERCENT = "Percent off";
    static final String AMOUNT = "Amount off";
    private static final Pattern CODE = Pattern.compile("^[A-Z0-9_-]{3,40}$");

    private final ProductService products;
    private final String currency;
    private final Locale locale;
    private final ZoneId zone;
    private final Grid<PromotionCode> grid = new Grid<>(PromotionCode.class, false);
    final TextField code = new TextField("Code");
    final RadioButtonGroup<String> type = new RadioButtonGroup<>("Discount");
    final IntegerField percent = new IntegerField("Percent");
    final BigDecimalField amount = new BigDecimalField("Amount");
    final IntegerField maxRedemptions = new IntegerField("Uses (optional)");
    final DatePicker expires = new DatePicker("Valid until (optional)");
    final Span error = new Span();

    PromotionCodesPanel(ProductService products, String currency, Locale locale, ZoneId zone) {
        this.products = products;
        this.currency = currency;
        this.locale = locale;
        this.zone = zone;
        setPadding(false);
        setId("promotion-codes-panel");
        code.setId("promo-code");
        code.setMaxLength(40);
        code.setHelperText("3–40 capital letters, digits, - or _; buyers type it at checkout.");
        type.setId("promo-type");
        type.setItems(PERCENT, AMOUNT);
        type.setValue(PERCENT);
        type.addValueChangeListener(e -> showType());
        percent.setId("promo-percent");
        percent.setMin(1);
        percent.setMax(100);
        percent.setSuffixComponent(new Span("%"));
        amount.setId("promo-amount");
        amount.setSuffixComponent(new Span(currency));
        maxRedemptions.setId("promo-max");
        maxRedemptions.setMin(1);
        expires.setId("promo-expires");
        error.setId("promo-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button create = new Button("Create code", click -> create());
        create.setId("create-promo");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(code, type, percent, amount, maxRedemptions, expires, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.setId("promotion-codes");
        grid.addColumn(PromotionCode::code).setHeader("Code").setKey("code");
        grid.addColumn(this::discount).setHeader("Discount").setKey("discount");
        grid.addColumn(p -> p.maxRedemptions() == null ? "Unlimited" : p.maxRedemptions() + " uses")
                .setHeader("Uses")
                .setKey("uses");
        grid.addColumn(p -> p.expiresAt() == null ? "No end" : date(p.expiresAt()))
                .setHeader("Valid until")
                .setKey("expires");
        grid.addColumn(p -> p.active() ? "Active" : "Inactive")
                .setHeader("Status")
                .setKey("status");
        grid.addComponentColumn(this::deactivateButton).setHeader("").setKey("actions");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No promotion codes yet.");
        add(new H3("New promotion code"), form, error, grid);
        showType();
        refresh();
    }

    private void refresh() {
        grid.setItems(products.promotionCodes());
    }

    private void showType() {
        boolean byPercent = PERCENT.equals(type.getValue());
        percent.setVisible(byPercent);
        amount.setVisible(!byPercent);
    }

    private void create() {
        Optional<PromotionCodeDraft> draft = draft();
        if (draft.isEmpty()) {
            return;
        }
        try {
            PromotionCode created = products.createPromotionCode(draft.get());
            Notification.show("Code " + created.code() + " created.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            code.clear();
            percent.clear();
            amount.clear();
            maxRedemptions.clear();
            expires.clear();
            refresh();
        } catch (InvalidCatalogInputException e) {
            e.problems().forEach(problem -> {
                HasValidation field =
                        switch (problem.field()) {
                            case "code" -> code;
                            case "percentOff" -> percent;
                            case "amountOffMinor" -> amount;
                            case "maxRedemptions" -> maxRedemptions;
                            case "expiresAt" -> expires;
                            default -> null;
                        };
                if (field == null) {
                    error.setText(problem.message());
                } else {
                    field.setErrorMessage(problem.message());
                    field.setInvalid(true);
                }
            });
        } catch (PromotionCodeTakenException e) {
            code.setErrorMessage(e.getMessage());
            code.setInvalid(true);
        } catch (StripeUnavailableException | IllegalArgumentException e) {
            error.setText(e.getMessage());
        }
    }

    Optional<PromotionCodeDraft> draft() {
        List.<HasValidation>of(code, percent, amount, maxRedemptions).forEach(f -> f.setInvalid(false));
        expires.setInvalid(false);
        error.setText("");
        boolean valid = true;
        String typed = code.getValue().trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(typed).matches()) {
            code.setErrorMessage("Use 3 to 40 capital letters, digits, - or _.");
            code.setInvalid(true);
            valid = false;
        }
        Integer percentOff = null;
        Long amountOff = null;
        if (PERCENT.equals(type.getValue())) {
            if (percent.getValue() == null || percent.getValue() < 1 || percent.getValue() > 100) {
                percent.setErrorMessage("A percentage from 1 to 100.");
                percent.setInvalid(true);
                valid = false;
            } else {
                percentOff = percent.getValue();
            }
        } else {
            Optional<Long> minor = Money.toMinor(amount.getValue(), currency);
            if (minor.isEmpty() || minor.get() <= 0) {
                amount.setErrorMessage("An amount above zero, in " + currency + ".");
                amount.setInvalid(true);
                valid = false;
            } else {
                amountOff = minor.get();
            }
        }
        if (maxRedemptions.getValue() != null && maxRedemptions.getValue() < 1) {
            maxRedemptions.setErrorMessage("At least one use, or leave it empty for no limit.");
            maxRedemptions.setInvalid(true);
            valid = false;
        }
        // Valid through the chosen day, in the business's time zone.
        Instant until = expires.getValue() == null
                ? null
                : expires.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        if (!valid) {
            return Optional.empty();
        }
        return Optional.of(new PromotionCodeDraft(typed, percentOff, amountOff, maxRedemptions.getValue(), until));
    }

    private Span deactivateButton(PromotionCode promotion) {
        Span cell = new Span();
        if (promotion.active()) {
            Button deactivate = new Button("Deactivate", click -> {
                try {
                    products.deactivatePromotionCode(promotion.id());
                    Notification.show("Code " + promotion.code() + " no longer works at checkout.");
                } catch (StripeUnavailableException e) {
                    error.setText(e.getMessage());
                }
                refresh();
            });
            deactivate.setId("deactivate-" + promotion.code());
            deactivate.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            cell.add(deactivate);
        }
        return cell;
    }

    private String discount(PromotionCode promotion) {
        if (promotion.percentOff() != null) {
            return promotion.percentOff() + " % off";
        }
        if (promotion.amountOffMinor() != null) {
            String unit = promotion.currency() == null ? currency : promotion.currency();
            return Money.format(promotion.amountOffMinor(), unit, locale) + " off";
        }
        return "—";
    }

    private String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(instant.minusNanos(1).atZone(zone));
    }
}
