package io.loadwise.ui.portal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import io.loadwise.plans.PlanDays;
import io.loadwise.plans.PlanService;
import io.loadwise.plans.calendar.CalendarFeed;
import io.loadwise.plans.calendar.CalendarFeeds;
import io.loadwise.roster.ClientAccess;
import io.loadwise.ui.plans.SessionCard;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The client's plan week by week, {@code /t/<slug>/me/plan}, and her calendar feed: a secret link
 * to subscribe to in a calendar app, which she can replace or revoke.
 */
@Route(value = "t/:slug/me/plan", layout = PortalLayout.class)
@PageTitle("My plan · Loadwise")
@RolesAllowed("CLIENT")
public class PortalPlanView extends Main implements AfterNavigationObserver {

    private final PlanService plans;
    private final CalendarFeeds feeds;
    private final ClientAccess access;
    private final Div week = new Div();
    private final Div calendar = new Div();
    private LocalDate shown = LocalDate.MIN;

    public PortalPlanView(PlanService plans, CalendarFeeds feeds, ClientAccess access) {
        this.plans = plans;
        this.feeds = feeds;
        this.access = access;
        week.setId("plan-week");
        calendar.setId("calendar-feed");
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (!Portals.onRoster(this, access)) {
            return;
        }
        removeAll();
        add(new H2("My plan"));
        shown = plans.todayInBusiness();
        Button previous = new Button("Previous week", e -> show(shown.minusWeeks(1)));
        previous.setId("week-previous");
        Button next = new Button("Next week", e -> show(shown.plusWeeks(1)));
        next.setId("week-next");
        add(new HorizontalLayout(previous, next), week, new H3("In your calendar app"), calendar);
        show(shown);
        showFeed(null);
    }

    private void show(LocalDate date) {
        shown = date;
        week.removeAll();
        Optional<PlanDays> days = plans.myWeek(date);
        if (days.isEmpty()) {
            Paragraph none = new Paragraph("You have no plan yet. Your coach will set one up for you.");
            none.setId("plan-none");
            week.add(none);
            return;
        }
        Paragraph title = new Paragraph("Week of " + days.get().from() + " · "
                + days.get().planName() + " · " + days.get().phaseName());
        title.setId("plan-week-title");
        week.add(title);
        for (PlanDays.Day day : days.get().days()) {
            Div row = new Div();
            row.setId("plan-day-" + day.date());
            row.add(new H3(
                    day.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day.date()));
            if (day.sessions().isEmpty()) {
                row.add(new Paragraph("Rest day"));
            }
            day.sessions().forEach(s -> row.add(new SessionCard(s, true)));
            week.add(row);
        }
    }

    private void showFeed(@Nullable CalendarFeed created) {
        calendar.removeAll();
        calendar.add(new Paragraph("Subscribe to this link in Google Calendar, Apple Calendar or Outlook to see your"
                + " sessions there; changes show up when your calendar app next refreshes. Anyone with the link can"
                + " see your sessions, so keep it to yourself. A new link stops the old one working."));
        Optional<CalendarFeed> live = created != null ? Optional.of(created) : feeds.liveMine();
        if (created != null && created.path() != null) {
            String url = absolute(created.path());
            TextField link = new TextField("Your calendar link (shown once)");
            link.setId("feed-url");
            link.setValue(url);
            link.setReadOnly(true);
            link.setWidthFull();
            Button copy = new Button(
                    "Copy", e -> UI.getCurrent().getPage().executeJs("navigator.clipboard.writeText($0)", url));
            copy.setId("feed-copy");
            calendar.add(link, copy);
        } else if (live.isPresent()) {
            Paragraph status = new Paragraph("You have a calendar link since "
                    + live.get().createdAt() + ". For safety it is not shown again: make a new one if you need it.");
            status.setId("feed-status");
            calendar.add(status);
        }
        Button create = new Button(
                live.isPresent() ? "Make a new link" : "Create calendar link", e -> showFeed(feeds.createMine()));
        create.setId("feed-create");
        calendar.add(create);
        if (live.isPresent()) {
            Button revoke = new Button("Revoke link", e -> {
                feeds.revokeMine();
                showFeed(null);
            });
            revoke.setId("feed-revoke");
            calendar.add(revoke);
        }
    }

    private static String absolute(String path) {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            HttpServletRequest http = request.getHttpServletRequest();
            boolean defaultPort = (http.getScheme().equals("http") && http.getServerPort() == 80)
                    || (http.getScheme().equals("https") && http.getServerPort() == 443);
            return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                    + http.getContextPath() + path;
        }
        return path;
    }
}
