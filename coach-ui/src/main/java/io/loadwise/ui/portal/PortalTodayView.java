package io.loadwise.ui.portal;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.plans.PlanDays;
import io.loadwise.plans.PlanService;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanStatus;
import io.loadwise.roster.ClientAccess;
import io.loadwise.ui.plans.SessionCard;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The client's day, {@code /t/<slug>/me/today}: today's sessions in full, with what changed and
 * why, and the rest of the week as a strip.
 */
@Route(value = "t/:slug/me/today", layout = PortalLayout.class)
@PageTitle("Today · Loadwise")
@RolesAllowed("CLIENT")
public class PortalTodayView extends Main implements AfterNavigationObserver {

    private final PlanService plans;
    private final ClientAccess access;

    public PortalTodayView(PlanService plans, ClientAccess access) {
        this.plans = plans;
        this.access = access;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (!Portals.onRoster(this, access)) {
            return;
        }
        removeAll();
        LocalDate today = plans.todayInBusiness();
        add(new H2("Today, " + today.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + today));
        Optional<PlanDays> week = plans.myWeek(today);
        if (week.isEmpty()) {
            Paragraph none = new Paragraph("You have no plan yet. Your coach will set one up for you.");
            none.setId("today-no-plan");
            add(none);
            return;
        }
        PlanDays days = week.get();
        Paragraph phase = new Paragraph(days.planName() + " · " + days.phaseName());
        phase.setId("today-phase");
        add(phase);
        if (days.status() == PlanStatus.PAUSED) {
            Paragraph paused = new Paragraph("Your plan is paused; your coach will tell you when it goes on.");
            paused.setId("today-paused");
            add(paused);
        }
        Div todays = new Div();
        todays.setId("today-sessions");
        days.days().stream()
                .filter(d -> d.date().equals(today))
                .flatMap(d -> d.sessions().stream())
                .forEach(s -> todays.add(new SessionCard(s, true)));
        if (todays.getComponentCount() == 0) {
            Paragraph rest = new Paragraph("Nothing planned today: rest and recover.");
            rest.setId("today-rest");
            todays.add(rest);
        }
        add(todays, new H3("This week"), strip(days, today));
    }

    private static Div strip(PlanDays days, LocalDate today) {
        Div strip = new Div();
        strip.setId("week-strip");
        strip.getStyle()
                .set("display", "grid")
                .set("grid-template-columns", "repeat(7, minmax(6em, 1fr))")
                .set("gap", "var(--lumo-space-xs)");
        for (PlanDays.Day day : days.days()) {
            Div cell = new Div();
            cell.setId("strip-" + day.date());
            Div head = new Div(day.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
                    + day.date().getDayOfMonth());
            head.getStyle().set("font-weight", day.date().equals(today) ? "700" : "400");
            cell.add(head);
            for (PlanSession session : day.sessions()) {
                cell.add(new SessionCard(session, false));
            }
            strip.add(cell);
        }
        return strip;
    }
}
