package io.loadwise.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.connect.PlatformFee;
import io.loadwise.tenancy.Tenant;
import io.loadwise.ui.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sets a business's platform fee: a percentage with up to two decimals (stored as basis points)
 * plus a fixed amount in the business's currency (stored in minor units). The change is audited,
 * so a reason is required.
 */
final class FeeDialog extends Dialog {

    static final BigDecimal MAX_PERCENT = new BigDecimal("50");

    private final Tenant tenant;
    private final PaymentAccountService payments;
    private final Runnable afterChange;
    final BigDecimalField percent = new BigDecimalField("Percentage of each charge");
    final BigDecimalField fixed = new BigDecimalField("Fixed amount per charge");
    final TextField reason = new TextField("Reason");
    final Span error = new Span();

    FeeDialog(Tenant tenant, PlatformFee current, PaymentAccountService payments, Runnable afterChange) {
        this.tenant = tenant;
        this.payments = payments;
        this.afterChange = afterChange;
        setId("fee-dialog");
        setHeaderTitle("Platform fee for " + tenant.name());
        percent.setId("fee-percent");
        percent.setSuffixComponent(new Span("%"));
        percent.setHelperText("0 to 50, up to two decimals (2.5 = 2.5 %).");
        percent.setValue(BigDecimal.valueOf(current.basisPoints(), 2));
        fixed.setId("fee-fixed");
        fixed.setSuffixComponent(new Span(tenant.currency()));
        fixed.setValue(Money.toMajor(current.fixedMinor(), tenant.currency()));
        reason.setId("fee-reason");
        reason.setMaxLength(500);
        reason.setHelperText("Kept in the audit log.");
        error.setId("fee-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Paragraph now = new Paragraph("Now: " + describe(current, tenant.currency()) + ".");
        VerticalLayout form = new VerticalLayout(now, percent, fixed, reason, error);
        form.setPadding(false);
        form.setWidth("26rem");
        List.of(percent, fixed).forEach(f -> f.setWidthFull());
        reason.setWidthFull();
        add(form);
        Button save = new Button("Save fee", click -> save());
        save.setId("save-fee");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, save);
    }

    private void save() {
        Optional<PlatformFee> fee = fee();
        if (fee.isEmpty()) {
            return;
        }
        try {
            payments.setFee(tenant.id(), fee.get(), reason.getValue().trim());
            Notification.show("Fee for " + tenant.name() + " set to " + describe(fee.get(), tenant.currency()) + ".")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            afterChange.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            error.setText(e.getMessage());
        }
    }

    /** The fee the form describes, or empty with each problem shown at its field. */
    Optional<PlatformFee> fee() {
        percent.setInvalid(false);
        fixed.setInvalid(false);
        reason.setInvalid(false);
        error.setText("");
        boolean valid = true;
        Integer basisPoints = null;
        BigDecimal typedPercent = percent.getValue();
        if (typedPercent == null) {
            valid = invalid(percent, "Enter a percentage (0 for none).");
        } else if (typedPercent.signum() < 0 || typedPercent.compareTo(MAX_PERCENT) > 0) {
            valid = invalid(percent, "The percentage must be between 0 and 50.");
        } else if (typedPercent.stripTrailingZeros().scale() > 2) {
            valid = invalid(percent, "Use at most two decimals.");
        } else {
            basisPoints = typedPercent.movePointRight(2).intValueExact();
        }
        Long fixedMinor = null;
        BigDecimal typedFixed = fixed.getValue();
        if (typedFixed == null) {
            valid = invalid(fixed, "Enter a fixed amount (0 for none).");
        } else if (typedFixed.signum() < 0) {
            valid = invalid(fixed, "The fixed amount cannot be negative.");
        } else {
            Optional<Long> minor = Money.toMinor(typedFixed, tenant.currency());
            if (minor.isEmpty()) {
                valid = invalid(fixed, "Use at most " + Money.digits(tenant.currency()) + " decimals.");
            } else {
                fixedMinor = minor.get();
            }
        }
        if (reason.getValue().isBlank()) {
            reason.setErrorMessage("Say why the fee changes; it is kept in the audit log.");
            reason.setInvalid(true);
            valid = false;
        }
        if (!valid || basisPoints == null || fixedMinor == null) {
            return Optional.empty();
        }
        return Optional.of(new PlatformFee(basisPoints, fixedMinor));
    }

    private static boolean invalid(BigDecimalField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return false;
    }

    /** "2.5 % + $0.30", or "none". */
    static String describe(PlatformFee fee, String currency) {
        List<String> parts = new ArrayList<>();
        if (fee.basisPoints() > 0) {
            parts.add(BigDecimal.valueOf(fee.basisPoints(), 2)
                            .stripTrailingZeros()
                            .toPlainString() + " %");
        }
        if (fee.fixedMinor() > 0) {
            parts.add(Money.format(fee.fixedMinor(), currency, Locale.ENGLISH));
        }
        return parts.isEmpty() ? "none" : String.join(" + ", parts);
    }
}
