package io.loadwise.ui.billing;

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
import io.loadwise.billing.orders.BillingService;
import io.loadwise.billing.orders.OrderView;
import io.loadwise.billing.orders.PaymentProviderException;
import io.loadwise.billing.orders.RefundNotPossibleException;
import io.loadwise.ui.Money;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Refunds all or part of an order. The amount is checked here as the service checks it (more than
 * zero, no more than is left to refund, no fractions of the smallest coin) so the owner sees the
 * problem at the field before anything reaches Stripe.
 */
final class RefundDialog extends Dialog {

    static final String REQUESTED = "Refund requested — the order updates when Stripe confirms.";

    private final OrderView order;
    private final BillingService billing;
    private final Locale locale;
    private final Runnable afterRefund;
    final BigDecimalField amount = new BigDecimalField("Amount to refund");
    final TextField reason = new TextField("Reason (optional)");
    final Span error = new Span();

    RefundDialog(OrderView order, BillingService billing, Locale locale, Runnable afterRefund) {
        this.order = order;
        this.billing = billing;
        this.locale = locale;
        this.afterRefund = afterRefund;
        setId("refund-dialog");
        setHeaderTitle("Refund " + order.offerTitle());
        Paragraph summary = new Paragraph(order.buyerEmail() + " paid "
                + Money.format(order.amountTotalMinor(), order.currency(), locale)
                + (order.refundedMinor() > 0
                        ? "; " + Money.format(order.refundedMinor(), order.currency(), locale) + " already refunded"
                        : "")
                + ". Up to " + Money.format(order.refundableMinor(), order.currency(), locale) + " can be refunded.");
        summary.setId("refund-summary");
        amount.setId("refund-amount");
        amount.setSuffixComponent(new Span(order.currency()));
        amount.setValue(Money.toMajor(order.refundableMinor(), order.currency()));
        amount.setHelperText("The full amount refunds the whole order; less is a partial refund.");
        reason.setId("refund-reason");
        reason.setMaxLength(500);
        error.setId("refund-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        VerticalLayout form = new VerticalLayout(summary, amount, reason, error);
        form.setPadding(false);
        form.setWidth("28rem");
        amount.setWidthFull();
        reason.setWidthFull();
        add(form);
        Button refund = new Button("Refund", click -> refund());
        refund.setId("confirm-refund");
        refund.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("cancel-refund");
        getFooter().add(cancel, refund);
    }

    private void refund() {
        Optional<Long> minor = check(amount.getValue());
        if (minor.isEmpty()) {
            return;
        }
        try {
            String why = reason.getValue().isBlank() ? null : reason.getValue().trim();
            billing.refund(order.id(), minor.get(), why);
            Notification.show(REQUESTED, 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            afterRefund.run();
        } catch (IllegalArgumentException e) {
            invalid(e.getMessage());
        } catch (RefundNotPossibleException | PaymentProviderException e) {
            error.setText(e.getMessage());
        }
    }

    /** The amount in minor units, or empty with the problem shown at the field. */
    Optional<Long> check(BigDecimal typed) {
        amount.setInvalid(false);
        error.setText("");
        if (typed == null) {
            return invalid("Enter the amount to refund.");
        }
        if (typed.signum() <= 0) {
            return invalid("The amount must be more than zero.");
        }
        Optional<Long> minor = Money.toMinor(typed, order.currency());
        if (minor.isEmpty()) {
            int digits = Money.digits(order.currency());
            return invalid(
                    digits == 0
                            ? order.currency() + " amounts have no decimals."
                            : "Use at most " + digits + " decimals.");
        }
        if (minor.get() > order.refundableMinor()) {
            return invalid(
                    "At most " + Money.format(order.refundableMinor(), order.currency(), locale) + " can be refunded.");
        }
        return minor;
    }

    private Optional<Long> invalid(String message) {
        amount.setErrorMessage(message);
        amount.setInvalid(true);
        return Optional.empty();
    }
}
