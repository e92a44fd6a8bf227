package io.loadwise.ui;

import com.vaadin.flow.component.html.Span;
import io.loadwise.billing.StripeProperties;
import java.util.Optional;

/**
 * The label every page that takes or shows payments carries while Loadwise runs against the local
 * Stripe sandbox, so nobody mistakes a test purchase for a real one.
 */
public final class SandboxBadge {

    public static final String TEXT = "Sandbox — test payments, no real money";

    private SandboxBadge() {}

    public static Optional<Span> when(StripeProperties stripe) {
        if (!stripe.sandbox()) {
            return Optional.empty();
        }
        Span badge = new Span(TEXT);
        badge.setId("sandbox-badge");
        badge.getElement().getThemeList().add("badge contrast");
        badge.getStyle().set("margin-bottom", "var(--lumo-space-s)");
        return Optional.of(badge);
    }
}
