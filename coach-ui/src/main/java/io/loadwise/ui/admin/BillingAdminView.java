package io.loadwise.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.admin.BillingAdminService;
import io.loadwise.billing.admin.DisputeView;
import io.loadwise.billing.admin.ReconciliationReport;
import io.loadwise.billing.admin.TenantVolume;
import io.loadwise.billing.connect.PaymentAccount;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.connect.PlatformFee;
import io.loadwise.billing.webhooks.FailedWebhook;
import io.loadwise.billing.webhooks.WebhookInbox;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.MainLayout;
import io.loadwise.ui.Money;
import io.loadwise.ui.SandboxBadge;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Platform billing for platform admins, {@code /admin/billing}: sales volume and the platform's
 * fees per business for a range of months (and each business's fee, editable with a reason),
 * disputes on any account, webhooks that failed or were flagged (with replay), and reconciliation
 * of our ledger against Stripe (nightly, or now).
 */
@Route(value = "admin/billing", layout = MainLayout.class)
@PageTitle("Platform billing · Loadwise")
@RolesAllowed("PLATFORM_ADMIN")
public class BillingAdminView extends Main {

    static final int MONTH_CHOICES = 24;
    static final int WEBHOOK_PROBLEMS = 100;
    static final int RECENT_RUNS = 10;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final BillingAdminService admin;
    private final PaymentAccountService payments;
    private final WebhookInbox inbox;
    private final TenantDirectory tenants;
    final Select<YearMonth> from = new Select<>();
    final Select<YearMonth> to = new Select<>();
    private final Grid<BusinessRow> volume = new Grid<>(BusinessRow.class, false);
    private final Grid<DisputeView> disputes = new Grid<>(DisputeView.class, false);
    private final Grid<FailedWebhook> webhooks = new Grid<>(FailedWebhook.class, false);
    private final Grid<ReconciliationReport> runs = new Grid<>(ReconciliationReport.class, false);
    private final Span webhookCounts = new Span();
    private final Div findings = new Div();
    private final Span rangeError = new Span();

    public BillingAdminView(
            BillingAdminService admin,
            PaymentAccountService payments,
            WebhookInbox inbox,
            TenantDirectory tenants,
            StripeProperties stripe,
            Clock clock) {
        this.admin = admin;
        this.payments = payments;
        this.inbox = inbox;
        this.tenants = tenants;
        add(new H1("Platform billing"));
        SandboxBadge.when(stripe).ifPresent(this::add);

        YearMonth now = YearMonth.now(clock);
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < MONTH_CHOICES; i++) {
            months.add(now.minusMonths(i));
        }
        from.setId("volume-from");
        from.setLabel("From");
        from.setItems(months);
        from.setItemLabelGenerator(MONTH::format);
        from.setValue(now.minusMonths(2));
        to.setId("volume-to");
        to.setLabel("To");
        to.setItems(months);
        to.setItemLabelGenerator(MONTH::format);
        to.setValue(now);
        from.addValueChangeListener(e -> showVolume());
        to.addValueChangeListener(e -> showVolume());
        rangeError.setId("volume-range-error");
        rangeError.getStyle().set("color", "var(--lumo-error-text-color)");
        HorizontalLayout range = new HorizontalLayout(from, to, rangeError);
        range.setAlignItems(FlexComponent.Alignment.BASELINE);

        volume.setId("volume");
        volume.addColumn(r -> r.tenant().name())
                .setHeader("Business")
                .setKey("business")
                .setFlexGrow(2);
        volume.addColumn(BusinessRow::currency).setHeader("Currency").setKey("currency");
        volume.addColumn(BusinessRow::orders).setHeader("Orders").setKey("orders");
        volume.addColumn(r -> r.money(r.gross())).setHeader("Gross").setKey("gross");
        volume.addColumn(r -> r.money(r.refunded())).setHeader("Refunded").setKey("refunded");
        volume.addColumn(r -> r.money(r.fees())).setHeader("Platform fees").setKey("fees");
        volume.addColumn(BusinessRow::openDisputes).setHeader("Open disputes").setKey("disputes");
        volume.addColumn(r -> r.chargesEnabled() ? "Yes" : "No")
                .setHeader("Selling")
                .setKey("selling");
        volume.addColumn(r -> FeeDialog.describe(r.fee(), r.tenant().currency()))
                .setHeader("Fee")
                .setKey("fee")
                .setFlexGrow(2);
        volume.addComponentColumn(r -> {
                    Button edit = new Button(
                            "Edit fee", click -> new FeeDialog(r.tenant(), r.fee(), payments, this::showVolume).open());
                    edit.setId("edit-fee-" + r.tenant().slug());
                    edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    return edit;
                })
                .setHeader("")
                .setKey("edit");
        volume.setAllRowsVisible(true);
        add(new H2("Volume and fees"), range, volume);

        disputes.setId("disputes");
        disputes.addColumn(DisputeView::tenantName).setHeader("Business").setKey("business");
        disputes.addColumn(d -> Money.format(d.amountMinor(), d.currency(), Locale.ENGLISH))
                .setHeader("Amount")
                .setKey("amount");
        disputes.addColumn(d -> d.reason() == null ? "—" : d.reason())
                .setHeader("Reason")
                .setKey("reason");
        disputes.addColumn(DisputeView::status).setHeader("Status").setKey("status");
        disputes.addColumn(d -> WHEN.format(d.openedAt())).setHeader("Opened").setKey("opened");
        disputes.addColumn(d -> d.closedAt() == null ? "open" : WHEN.format(d.closedAt()))
                .setHeader("Closed")
                .setKey("closed");
        disputes.addColumn(DisputeView::stripeDisputeId).setHeader("Stripe id").setKey("stripeId");
        disputes.setAllRowsVisible(true);
        disputes.setEmptyStateText("No disputes.");
        add(new H2("Disputes"), disputes);

        webhookCounts.setId("webhook-counts");
        webhooks.setId("webhook-problems");
        webhooks.addColumn(w -> WHEN.format(w.receivedAt()))
                .setHeader("Received")
                .setKey("received");
        webhooks.addColumn(FailedWebhook::type).setHeader("Type").setKey("type").setFlexGrow(2);
        webhooks.addColumn(
                        w -> w.tenantName() == null ? (w.account() == null ? "platform" : w.account()) : w.tenantName())
                .setHeader("Business / account")
                .setKey("account");
        webhooks.addColumn(FailedWebhook::status).setHeader("Status").setKey("status");
        webhooks.addColumn(FailedWebhook::attempts).setHeader("Attempts").setKey("attempts");
        webhooks.addColumn(w -> w.lastError() == null ? "" : w.lastError())
                .setHeader("Last error")
                .setKey("error")
                .setFlexGrow(3);
        webhooks.addComponentColumn(w -> {
                    Button replay = new Button("Replay", click -> replay(w));
                    replay.setId("replay-" + w.eventId());
                    replay.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    return replay;
                })
                .setHeader("")
                .setKey("replay");
        webhooks.setAllRowsVisible(true);
        webhooks.setEmptyStateText("No failed or flagged webhooks.");
        add(new H2("Webhooks"), webhookCounts, webhooks);

        Button reconcile = new Button("Run now", click -> reconcile());
        reconcile.setId("reconcile-now");
        reconcile.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        runs.setId("reconciliation-runs");
        runs.addColumn(r -> WHEN.format(r.startedAt())).setHeader("Started").setKey("started");
        runs.addColumn(ReconciliationReport::trigger).setHeader("Trigger").setKey("trigger");
        runs.addColumn(ReconciliationReport::tenants).setHeader("Businesses").setKey("tenants");
        runs.addColumn(ReconciliationReport::checked).setHeader("Checked").setKey("checked");
        runs.addColumn(ReconciliationReport::missing).setHeader("Missing").setKey("missing");
        runs.addColumn(ReconciliationReport::mismatched).setHeader("Mismatched").setKey("mismatched");
        runs.addColumn(ReconciliationReport::repaired).setHeader("Repaired").setKey("repaired");
        runs.addColumn(r -> r.error() != null ? "Failed: " + r.error() : r.finishedAt() == null ? "Running" : "Done")
                .setHeader("Result")
                .setKey("result")
                .setFlexGrow(2);
        runs.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::showFindings));
        runs.setAllRowsVisible(true);
        runs.setEmptyStateText("No reconciliation has run yet.");
        findings.setId("reconciliation-findings");
        add(
                new H2("Reconciliation"),
                new Paragraph("Compares our ledger with Stripe on every connected account and repairs what a missed"
                        + " webhook left out. Runs nightly; select a run to see its findings."),
                reconcile,
                runs,
                findings);

        showVolume();
        disputes.setItems(admin.disputes());
        showWebhooks();
        showRuns();
    }

    void showVolume() {
        rangeError.setText("");
        YearMonth start = from.getValue();
        YearMonth end = to.getValue();
        if (start == null || end == null) {
            return;
        }
        if (start.isAfter(end)) {
            rangeError.setText("“From” must not be after “To”.");
            return;
        }
        List<TenantVolume> sales = admin.volume(start, end);
        List<BusinessRow> rows = new ArrayList<>();
        for (Tenant tenant : tenants.listAll()) {
            PlatformFee fee =
                    payments.find(tenant.id()).map(PaymentAccount::fee).orElse(PlatformFee.NONE);
            List<TenantVolume> own =
                    sales.stream().filter(v -> v.tenant().equals(tenant.id())).toList();
            if (own.isEmpty()) {
                boolean selling =
                        payments.find(tenant.id()).map(PaymentAccount::canSell).orElse(false);
                rows.add(new BusinessRow(tenant, tenant.currency(), 0, 0, 0, 0, 0, selling, fee));
            } else {
                own.forEach(v -> rows.add(new BusinessRow(
                        tenant,
                        v.currency(),
                        v.orders(),
                        v.grossMinor(),
                        v.refundedMinor(),
                        v.feesMinor(),
                        v.openDisputes(),
                        v.chargesEnabled(),
                        fee)));
            }
        }
        volume.setItems(rows);
    }

    private void showWebhooks() {
        Map<String, Long> counts = new TreeMap<>(inbox.counts());
        List<String> parts = new ArrayList<>();
        counts.forEach((status, count) -> parts.add(count + " " + status));
        webhookCounts.setText(parts.isEmpty() ? "No webhooks received yet." : "Events: " + String.join(", ", parts));
        webhooks.setItems(inbox.problems(WEBHOOK_PROBLEMS));
    }

    private void replay(FailedWebhook webhook) {
        inbox.replay(webhook.eventId());
        Notification.show("Event " + webhook.eventId() + " queued again; it is processed within seconds.")
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        showWebhooks();
    }

    private void reconcile() {
        ReconciliationReport report = admin.reconcileNow();
        Notification.show("Reconciliation done: " + report.checked() + " checked, " + report.missing() + " missing, "
                        + report.mismatched() + " mismatched, " + report.repaired() + " repaired.")
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        showRuns();
        showFindings(report);
    }

    private void showRuns() {
        List<ReconciliationReport> recent = admin.recentRuns(RECENT_RUNS);
        runs.setItems(recent);
        if (!recent.isEmpty()) {
            showFindings(recent.getFirst());
        }
    }

    private void showFindings(ReconciliationReport report) {
        findings.removeAll();
        Paragraph heading = new Paragraph("Findings of the run at " + WHEN.format(report.startedAt()) + ":");
        findings.add(heading);
        if (report.findings().isEmpty()) {
            Paragraph none = new Paragraph("Nothing missing or different.");
            none.setId("no-findings");
            findings.add(none);
            return;
        }
        UnorderedList list = new UnorderedList();
        list.setId("findings");
        report.findings()
                .forEach(f -> list.add(new ListItem(f.tenantName() + " — " + f.kind() + " " + f.stripeObjectId() + ": "
                        + f.detail() + (f.repaired() ? " (repaired)" : " (not repaired)"))));
        findings.add(list);
    }

    /** A business's line: its sales in one currency in the chosen months, and its current fee. */
    record BusinessRow(
            Tenant tenant,
            String currency,
            int orders,
            long gross,
            long refunded,
            long fees,
            int openDisputes,
            boolean chargesEnabled,
            PlatformFee fee) {

        String money(long minor) {
            return Money.format(minor, currency, Locale.forLanguageTag(tenant.locale()));
        }
    }
}
