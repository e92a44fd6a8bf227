package io.loadwise.ui.checkins;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.checkins.CheckInService;
import io.loadwise.checkins.LoggableSession;
import io.loadwise.checkins.SessionLog;
import io.loadwise.roster.ClientAccess;
import io.loadwise.ui.portal.PortalLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The client's check-in page, {@code /t/<slug>/me/check-in}: the symptom check-in and the last
 * week's sessions of their plan, each to log.
 */
@Route(value = "t/:slug/me/check-in", layout = PortalLayout.class)
@PageTitle("Check in · Loadwise")
@RolesAllowed("CLIENT")
public class PortalCheckInView extends Main implements AfterNavigationObserver {

    private final CheckInService checkIns;
    private final ClientAccess access;
    private final Div sessions = new Div();

    public PortalCheckInView(CheckInService checkIns, ClientAccess access) {
        this.checkIns = checkIns;
        this.access = access;
        sessions.setId("sessions-to-log");
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        removeAll();
        if (access.ownClient().isEmpty()) {
            Paragraph notice = new Paragraph(
                    "Your account is not on this business's roster yet. Ask your coach to" + " check your invitation.");
            notice.setId("not-on-roster");
            add(notice);
            return;
        }
        add(new H2("Check in"));
        add(new CheckInForm(checkIns, () -> {}));
        add(new H3("Your sessions"), sessions);
        showSessions();
    }

    private void showSessions() {
        sessions.removeAll();
        List<LoggableSession> toLog = checkIns.mySessionsToLog();
        if (toLog.isEmpty()) {
            Paragraph none = new Paragraph("No sessions of your plan in the last week.");
            none.setId("no-sessions");
            sessions.add(none);
            return;
        }
        // Newest first: today's session is the one most likely to be logged.
        for (LoggableSession s : toLog.reversed()) {
            Span what = new Span(
                    Dates.day(s.session().date()) + " · " + s.session().spec().title());
            what.getStyle().set("flex", "1");
            Span state = new Span(describe(s.log()));
            state.setId("log-state-" + s.session().id());
            Button log = new Button(s.log() == null ? "Log" : "Edit log");
            log.setId("log-" + s.session().id());
            log.addClickListener(e -> new SessionLogDialog(checkIns, s, this::showSessions).open());
            HorizontalLayout row = new HorizontalLayout(what, state, log);
            row.setWidthFull();
            row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
            row.addClassName("session-to-log");
            sessions.add(row);
        }
    }

    static String describe(@org.jspecify.annotations.Nullable SessionLog log) {
        if (log == null) {
            return "not logged yet";
        }
        StringBuilder text = new StringBuilder(
                switch (log.outcome()) {
                    case DONE -> "done";
                    case PARTIAL -> "partly done";
                    case SKIPPED -> "skipped";
                });
        if (log.durationMinutes() != null) {
            text.append(", ").append(log.durationMinutes()).append(" min");
        }
        if (log.distanceKm() != null) {
            text.append(", ")
                    .append(log.distanceKm().stripTrailingZeros().toPlainString())
                    .append(" km");
        }
        if (log.rpe() != null) {
            text.append(", RPE ").append(log.rpe());
        }
        return text.toString();
    }
}
