package io.loadwise.ui.notifications;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.loadwise.notifications.NotificationsProperties;
import io.loadwise.notifications.inbox.Inbox;
import io.loadwise.notifications.inbox.InboxEntry;
import io.loadwise.notifications.inbox.InboxPage;
import io.loadwise.notifications.inbox.InboxSubscription;
import java.time.Clock;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The inbox page's content, for coaches and clients alike: entries newest first (unread ones
 * marked), opening one marks it read and goes where it points, "mark all as read", older pages on
 * demand, and a notice when new entries arrive while the page is open.
 */
class InboxList extends Div {

    static final int PAGE_SIZE = 20;

    private final Inbox inbox;
    private final NotificationsProperties links;
    private final Clock clock;
    private final ZoneId zone;
    private final Div entries = new Div();
    private final Paragraph empty = new Paragraph();
    private final Button more = new Button();
    private final HorizontalLayout arrived = new HorizontalLayout();
    private final Span status = new Span();
    private @Nullable String nextCursor;
    private @Nullable InboxSubscription subscription;

    InboxList(Inbox inbox, NotificationsProperties links, Clock clock, ZoneId zone, String preferencesPath) {
        this.inbox = inbox;
        this.links = links;
        this.clock = clock;
        this.zone = zone;
        setId("inbox");

        Button markAll = new Button(getTranslation("notifications.inbox.markAll"), click -> markAllRead());
        markAll.setId("inbox-mark-all");
        Anchor preferences = new Anchor(preferencesPath, getTranslation("notifications.inbox.preferences"));
        preferences.setId("inbox-preferences");
        HorizontalLayout actions = new HorizontalLayout(markAll, preferences, status);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        status.setId("inbox-status");

        Button showNew = new Button(getTranslation("notifications.inbox.showNew"), click -> reload());
        showNew.setId("inbox-show-new");
        showNew.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        arrived.add(new Span(getTranslation("notifications.inbox.newArrived")), showNew);
        arrived.setId("inbox-arrived");
        arrived.setAlignItems(FlexComponent.Alignment.CENTER);
        arrived.setVisible(false);

        empty.setId("inbox-empty");
        empty.setText(getTranslation("notifications.inbox.empty"));
        entries.setId("inbox-entries");
        more.setId("inbox-more");
        more.setText(getTranslation("notifications.inbox.more"));
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(click -> loadMore());

        add(new H2(getTranslation("notifications.inbox.title")), actions, arrived, empty, entries, more);
        reload();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        // News comes on the listener's thread, without the signed-in user: only show that there is
        // some; reading it is the user's next request.
        subscription = inbox.subscribe(unread -> ui.access(() -> arrived.setVisible(true)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.onDetach(event);
    }

    private void reload() {
        entries.removeAll();
        arrived.setVisible(false);
        nextCursor = null;
        show(inbox.page(null, PAGE_SIZE));
    }

    private void loadMore() {
        if (nextCursor != null) {
            show(inbox.page(nextCursor, PAGE_SIZE));
        }
    }

    private void show(InboxPage page) {
        page.entries().forEach(entry -> entries.add(row(entry)));
        nextCursor = page.nextCursor();
        more.setVisible(nextCursor != null);
        empty.setVisible(entries.getComponentCount() == 0);
    }

    private Div row(InboxEntry entry) {
        Div row = new Div();
        row.addClassName("inbox-entry");
        row.getElement().setAttribute("data-id", entry.id().toString());
        row.getStyle()
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
                .set("cursor", "pointer");
        Span title = new Span(entry.title());
        title.addClassName("inbox-title");
        Span time = new Span(RelativeTime.of(this, getLocale(), entry.createdAt(), clock.instant(), zone));
        time.addClassName("inbox-time");
        time.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout head = new HorizontalLayout(title, time);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        // Plain text, never markup: rendered content stays what it was rendered as.
        Paragraph body = new Paragraph(entry.body());
        body.addClassName("inbox-body");
        body.getStyle().set("margin", "var(--lumo-space-xs) 0 0");
        row.add(head, body);
        markUnread(row, title, entry.unread());
        row.addClickListener(click -> open(entry));
        return row;
    }

    private void markUnread(Div row, Span title, boolean unread) {
        row.setClassName("unread", unread);
        title.getStyle().set("font-weight", unread ? "700" : "400");
        row.getStyle().set("background", unread ? "var(--lumo-primary-color-10pct)" : "transparent");
        if (unread) {
            title.getElement()
                    .setAttribute("aria-label", getTranslation("notifications.inbox.unread") + ": " + title.getText());
        } else {
            title.getElement().removeAttribute("aria-label");
        }
    }

    private void open(InboxEntry entry) {
        InboxEntry read = inbox.markRead(entry.id());
        String link = read.link();
        if (link == null || link.isBlank()) {
            reload();
            return;
        }
        String base = links.link("");
        if (link.startsWith(base + "/")) {
            link = link.substring(base.length());
        }
        if (link.startsWith("/")) {
            UI.getCurrent().navigate(link.substring(1));
        } else {
            UI.getCurrent().getPage().setLocation(link);
        }
    }

    private void markAllRead() {
        int marked = inbox.markAllRead();
        status.setText(getTranslation("notifications.inbox.markedAll", marked));
        reload();
    }
}
