package io.loadwise.ui.dashboard;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.planengine.AdjustmentProposal;
import io.loadwise.planengine.AttentionItem;
import io.loadwise.planengine.DashboardService;
import io.loadwise.planengine.ProposalOutdatedException;
import io.loadwise.planengine.ProposalService;
import io.loadwise.plans.PlanRevision;
import io.loadwise.plans.RevisionKind;
import io.loadwise.roster.ClientFlag;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The coach's first page: the clients who need attention, most urgent first (pain spikes, then
 * missed sessions, then silence; longest waiting first), with the engine's proposals to approve or
 * reject right there.
 */
@Route(value = "coach/dashboard", layout = MainLayout.class)
@PageTitle("Dashboard · Loadwise")
@RolesAllowed("COACH")
public class DashboardView extends Main {

    private final DashboardService dashboard;
    private final ProposalService proposals;
    private final Div list = new Div();

    public DashboardView(DashboardService dashboard, ProposalService proposals) {
        this.dashboard = dashboard;
        this.proposals = proposals;
        add(new H2("Dashboard"));
        if (TenantContext.current().isEmpty()) {
            Paragraph noTenant = new Paragraph("Your account is not linked to one coaching business.");
            noTenant.setId("no-tenant");
            add(noTenant);
            return;
        }
        list.setId("attention");
        add(list);
        render();
    }

    private void render() {
        list.removeAll();
        List<AttentionItem> items = dashboard.attention();
        if (items.isEmpty()) {
            Paragraph empty = new Paragraph("Nobody needs your attention right now.");
            empty.setId("dashboard-empty");
            list.add(empty);
            return;
        }
        items.forEach(item -> list.add(card(item)));
    }

    private Div card(AttentionItem item) {
        Div card = new Div();
        card.setId("attention-" + item.clientId());
        card.addClassName("attention-item");
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin-bottom", "var(--lumo-space-s)");
        Anchor name = new Anchor("/coach/clients/" + item.clientId(), item.clientName());
        name.addClassName("attention-client");
        H3 heading = new H3(name);
        HorizontalLayout badges = new HorizontalLayout();
        for (ClientFlag flag : item.flags()) {
            Span badge = new Span(label(flag.kind()));
            badge.addClassName("flag-badge");
            badge.getElement().getThemeList().add(flag.severity() >= 3 ? "badge error" : "badge contrast");
            badge.getElement().setAttribute("title", flag.detail());
            badges.add(badge);
        }
        card.add(heading, badges);
        for (ClientFlag flag : item.flags()) {
            Paragraph detail = new Paragraph(flag.detail());
            detail.addClassName("flag-detail");
            card.add(detail);
        }
        for (AdjustmentProposal proposal : item.proposals()) {
            card.add(proposal(proposal));
        }
        for (AttentionItem.CoachTask task : item.tasks()) {
            Paragraph line = new Paragraph("Task: " + task.title());
            line.addClassName("coach-task");
            card.add(line);
        }
        return card;
    }

    private Div proposal(AdjustmentProposal proposal) {
        Div box = new Div();
        box.addClassName("proposal");
        box.setId("proposal-" + proposal.id());
        Paragraph title = new Paragraph(
                proposal.kind() == RevisionKind.PROGRESSION ? "Proposed: next phase" : "Proposed: dial back");
        title.addClassName("proposal-kind");
        Paragraph reason = new Paragraph(proposal.reason());
        reason.addClassName("proposal-reason");
        Span message = new Span();
        message.addClassName("proposal-message");
        Button approve = new Button("Approve");
        approve.addClassName("approve-proposal");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button("Reject");
        reject.addClassName("reject-proposal");
        approve.addClickListener(click -> {
            try {
                PlanRevision revision = proposals.approve(proposal.id(), proposal.baseRevision());
                message.setText("Approved — the plan is now at revision " + revision.revision() + ".");
                approve.setEnabled(false);
                reject.setEnabled(false);
            } catch (ProposalOutdatedException | StaleVersionException | NotFoundException e) {
                message.setText(e.getMessage());
                message.getStyle().set("color", "var(--lumo-error-text-color)");
                approve.setEnabled(false);
                reject.setEnabled(false);
            }
        });
        reject.addClickListener(click -> {
            try {
                proposals.reject(proposal.id(), null);
                message.setText("Rejected — the plan stays as it is.");
            } catch (ProposalOutdatedException | NotFoundException e) {
                message.setText(e.getMessage());
                message.getStyle().set("color", "var(--lumo-error-text-color)");
            }
            approve.setEnabled(false);
            reject.setEnabled(false);
        });
        box.add(title, reason, new HorizontalLayout(approve, reject), message);
        return box;
    }

    static String label(String kind) {
        return switch (kind) {
            case "pain_spike" -> "Pain spike";
            case "missed_sessions" -> "Missed sessions";
            case "no_check_in" -> "No check-in";
            default -> kind;
        };
    }
}
