package io.loadwise.notifications.plans;

import io.loadwise.notifications.Mail;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.planengine.AdjustmentProposal;
import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.PlanRevision;
import io.loadwise.roster.ClientContact;
import io.loadwise.tenancy.Tenant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Renders the plan mails. The revision's reason is written for people by the engine or the coach
 * and goes in as written (escaped in the HTML part by {@link Mail#compose}).
 */
@Component
class PlanMailRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final NotificationsProperties properties;

    PlanMailRenderer(NotificationsProperties properties) {
        this.properties = properties;
    }

    /** To the client: a plan was assigned and starts on its start date. */
    Mail planReady(Tenant tenant, ClientContact client, ClientPlan plan) {
        return Mail.compose(
                "Your training plan from " + tenant.name() + " is ready",
                client.clientName(),
                List.of(
                        (client.coachName() == null ? tenant.name() : client.coachName()) + " set up your plan \""
                                + plan.name() + "\". It starts on " + DAY.format(plan.startDate()) + ".",
                        "Log each session and check in with how your tendon feels: the plan adapts to your symptoms."),
                "See today's session",
                portal(tenant, "/today"),
                footer(tenant));
    }

    /** To the client: what changed in their plan and why. */
    Mail planChanged(Tenant tenant, ClientContact client, ClientPlan plan, PlanRevision revision) {
        String headline =
                switch (revision.kind()) {
                    case DIAL_BACK -> "Your plan was dialled back for a few days";
                    case PROGRESSION -> "You're moving on to the next phase of your plan";
                    case HOLD -> "Your plan stays in its current phase a little longer";
                    case PAUSED -> "Your plan is paused";
                    case RESUMED -> "Your plan is running again";
                    case COACH_EDIT, ASSIGNED -> "Your coach updated your plan";
                };
        return Mail.compose(
                headline,
                client.clientName(),
                List.of(headline + " (\"" + plan.name() + "\").", "Why: " + revision.reason()),
                "See what changed",
                portal(tenant, "/today"),
                footer(tenant));
    }

    /** To the coach: the plan engine changed a client's plan. */
    Mail engineChangedPlan(Tenant tenant, ClientContact client, ClientPlan plan, PlanRevision revision) {
        String what =
                switch (revision.kind()) {
                    case DIAL_BACK -> "dialled back";
                    case PROGRESSION -> "moved on to the next phase";
                    case HOLD -> "held in its phase";
                    case PAUSED -> "paused";
                    case RESUMED -> "resumed";
                    case COACH_EDIT, ASSIGNED -> "changed";
                };
        String coach = client.coachName() == null ? "coach" : client.coachName();
        return Mail.compose(
                client.clientName() + "'s plan was " + what,
                coach,
                List.of(
                        client.clientName() + "'s plan \"" + plan.name() + "\" was " + what + " (revision "
                                + revision.revision() + ").",
                        "Why: " + revision.reason(),
                        "You can edit the plan at any time; your change is applied over this one."),
                "Open " + client.clientName() + "'s plan",
                properties.link("/coach/clients/" + client.clientId()),
                "You get this alert because you coach " + client.clientName() + " at " + tenant.name() + ".");
    }

    /** To the coach: the plan engine proposes a change and waits for their decision. */
    Mail changeProposed(Tenant tenant, ClientContact client, ClientPlan plan, AdjustmentProposal proposal) {
        String what =
                switch (proposal.kind()) {
                    case DIAL_BACK -> "dial back";
                    case PROGRESSION -> "move on to the next phase of";
                    case HOLD -> "hold the phase of";
                    case PAUSED, RESUMED, COACH_EDIT, ASSIGNED -> "change";
                };
        String coach = client.coachName() == null ? "coach" : client.coachName();
        return Mail.compose(
                "Review a proposed change to " + client.clientName() + "'s plan",
                coach,
                List.of(
                        "The plan engine proposes to " + what + " " + client.clientName() + "'s plan \"" + plan.name()
                                + "\". Nothing changes until you approve it.",
                        "Why: " + proposal.reason()),
                "Review and approve or reject",
                properties.link("/coach/dashboard"),
                "You get this alert because you coach " + client.clientName() + " at " + tenant.name() + ".");
    }

    private String portal(Tenant tenant, String page) {
        return properties.link("/t/" + tenant.slug() + "/me" + page);
    }

    private static String footer(Tenant tenant) {
        return "Sent by Loadwise for " + tenant.name() + ".";
    }
}
