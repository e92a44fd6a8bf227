package io.loadwise.ui.plans;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.SessionStatus;
import io.loadwise.plans.SessionText;

/**
 * One session as coaches and clients see it: kind, title, status, the prescription and — when a
 * revision changed it — a marker with the reason (also as the tooltip).
 */
public class SessionCard extends Div {

    public SessionCard(PlanSession session, boolean withPrescription) {
        addClassName("plan-session");
        setId("session-" + session.id());
        getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("margin-bottom", "var(--lumo-space-xs)")
                .set("font-size", "var(--lumo-font-size-s)");
        Span kind = new Span(SessionText.kind(session.spec().kind()));
        kind.addClassName("session-kind");
        kind.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        Div title = new Div(session.spec().title());
        title.addClassName("session-title");
        title.getStyle().set("font-weight", "600");
        add(kind, title);
        if (session.status() != SessionStatus.PLANNED) {
            Span status = new Span(session.status().code());
            status.addClassName("session-status");
            status.getElement().getThemeList().add("badge");
            if (session.status() == SessionStatus.CANCELLED) {
                title.getStyle().set("text-decoration", "line-through");
            }
            add(status);
        }
        if (withPrescription) {
            for (String line : SessionText.lines(session.spec())) {
                Div prescription = new Div(line);
                prescription.addClassName("session-line");
                add(prescription);
            }
        }
        if (session.changeReason() != null) {
            Div changed = new Div("Changed: " + session.changeReason());
            changed.addClassName("session-change");
            changed.getStyle().set("color", "var(--lumo-warning-text-color, #8a5a00)");
            setTitle("Changed in revision " + session.changedInRevision() + ": " + session.changeReason());
            getStyle().set("border-left", "4px solid var(--lumo-warning-color, #f0a000)");
            add(changed);
        }
    }
}
