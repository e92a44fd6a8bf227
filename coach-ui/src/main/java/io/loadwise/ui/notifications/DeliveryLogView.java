package io.loadwise.ui.notifications;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.loadwise.notifications.DeliveryLog;
import io.loadwise.notifications.DeliveryLog.Entry;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import io.loadwise.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The admin console's email delivery: per business, how many mails are in which state and the
 * mails themselves (filterable by status); below, the dead letters of every business, each of which
 * can be sent again with a stated reason.
 */
@Route(value = "admin/notifications", layout = MainLayout.class)
@RolesAllowed("PLATFORM_ADMIN")
public class DeliveryLogView extends Main implements HasDynamicTitle {

    public static final String PATH = "/admin/notifications";
    /** The email statuses of {@code notifications.status}. */
    static final List<String> STATUSES =
            List.of("pending", "held", "digest", "sent", "failed", "dead", "bounced", "suppressed");

    static final int LIMIT = 200;
    static final int MIN_REASON = 10;

    private final DeliveryLog log;
    private final Map<TenantId, Tenant> tenants;
    private final ComboBox<Tenant> business = new ComboBox<>();
    private final Select<String> status = new Select<>();
    private final Span counts = new Span();
    private final Grid<Entry> entries = grid("delivery-entries", false);
    private final Grid<Entry> deadLetters = grid("dead-letters", true);
    private final Paragraph noDeadLetters = new Paragraph();

    public DeliveryLogView(DeliveryLog log, TenantDirectory directory) {
        this.log = log;
        this.tenants = directory.listAll().stream().collect(Collectors.toMap(Tenant::id, Function.identity()));

        business.setId("delivery-business");
        business.setLabel(getTranslation("notifications.admin.business"));
        business.setItems(directory.listAll());
        business.setItemLabelGenerator(Tenant::name);
        business.addValueChangeListener(change -> showBusiness());
        status.setId("delivery-status");
        status.setLabel(getTranslation("notifications.admin.status"));
        status.setItems(STATUSES);
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("notifications.admin.allStatuses"));
        status.addValueChangeListener(change -> showBusiness());
        counts.setId("delivery-counts");
        noDeadLetters.setId("no-dead-letters");
        noDeadLetters.setText(getTranslation("notifications.admin.noDeadLetters"));

        add(
                new H2(getTranslation("notifications.admin.title")),
                new HorizontalLayout(business, status),
                counts,
                entries,
                new H3(getTranslation("notifications.admin.deadLetters")),
                noDeadLetters,
                deadLetters);
        entries.setVisible(false);
        showDeadLetters();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.admin.title") + " · Loadwise";
    }

    private void showBusiness() {
        Tenant tenant = business.getValue();
        if (tenant == null) {
            entries.setVisible(false);
            counts.setText("");
            return;
        }
        DeliveryLog.Counts c = log.counts(tenant.id());
        counts.setText(getTranslation(
                "notifications.admin.counts",
                c.sent(),
                c.waiting(),
                c.failed(),
                c.dead(),
                c.bounced(),
                c.suppressed()));
        entries.setItems(log.entries(tenant.id(), status.getValue(), LIMIT));
        entries.setVisible(true);
    }

    private void showDeadLetters() {
        List<Entry> dead = log.deadLetters(LIMIT);
        deadLetters.setItems(dead);
        deadLetters.setVisible(!dead.isEmpty());
        noDeadLetters.setVisible(dead.isEmpty());
    }

    private Grid<Entry> grid(String id, boolean withBusiness) {
        Grid<Entry> grid = new Grid<>(Entry.class, false);
        grid.setId(id);
        DateTimeFormatter time =
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneOffset.UTC);
        grid.addColumn(e -> time.withLocale(getLocale()).format(e.createdAt()))
                .setHeader(getTranslation("notifications.admin.created") + " (UTC)")
                .setKey("created");
        if (withBusiness) {
            grid.addColumn(e -> tenants.containsKey(e.tenantId())
                            ? tenants.get(e.tenantId()).name()
                            : e.tenantId().toString())
                    .setHeader(getTranslation("notifications.admin.business"))
                    .setKey("business");
        }
        grid.addColumn(e -> getTranslation("notifications.type." + e.type().name()))
                .setHeader(getTranslation("notifications.admin.type"))
                .setKey("type");
        grid.addColumn(Entry::recipientEmail)
                .setHeader(getTranslation("notifications.admin.recipient"))
                .setKey("recipient");
        grid.addColumn(Entry::status)
                .setHeader(getTranslation("notifications.admin.status"))
                .setKey("status");
        grid.addColumn(Entry::attempts)
                .setHeader(getTranslation("notifications.admin.attempts"))
                .setKey("attempts");
        grid.addColumn(e -> e.subject() == null ? "" : e.subject())
                .setHeader(getTranslation("notifications.admin.subject"))
                .setKey("subject");
        grid.addColumn(e -> e.lastError() == null ? "" : e.lastError())
                .setHeader(getTranslation("notifications.admin.error"))
                .setKey("error");
        if (withBusiness) {
            grid.addComponentColumn(e -> {
                        Button replay = new Button(getTranslation("notifications.admin.replay"), click -> replay(e));
                        replay.setId("replay-" + e.id());
                        return replay;
                    })
                    .setKey("replay");
        }
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void replay(Entry entry) {
        Dialog dialog = new Dialog();
        dialog.setId("replay-dialog");
        dialog.setHeaderTitle(getTranslation("notifications.admin.replayTitle", entry.recipientEmail()));
        TextArea reason = new TextArea(getTranslation("notifications.admin.reason"));
        reason.setId("replay-reason");
        reason.setRequired(true);
        reason.setMinLength(MIN_REASON);
        reason.setMaxLength(2000);
        reason.setWidthFull();
        Button confirm = new Button(getTranslation("notifications.admin.replay"), click -> {
            String text = reason.getValue().strip();
            if (text.length() < MIN_REASON) {
                reason.setErrorMessage(getTranslation("notifications.admin.reasonTooShort"));
                reason.setInvalid(true);
                return;
            }
            try {
                log.replay(entry.tenantId(), entry.id(), text);
            } catch (IllegalArgumentException | IllegalStateException e) {
                reason.setErrorMessage(e.getMessage());
                reason.setInvalid(true);
                return;
            }
            dialog.close();
            showDeadLetters();
            showBusiness();
        });
        confirm.setId("replay-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("notifications.admin.cancel"), click -> dialog.close());
        cancel.setId("replay-cancel");
        dialog.add(new Paragraph(getTranslation("notifications.admin.replayExplanation")), reason);
        dialog.getFooter().add(cancel, confirm);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }
}
