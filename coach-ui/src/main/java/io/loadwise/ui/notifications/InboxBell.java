package io.loadwise.ui.notifications;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.loadwise.notifications.inbox.Inbox;
import io.loadwise.notifications.inbox.InboxSubscription;
import org.jspecify.annotations.Nullable;

/**
 * The bell in the navigation bar: a link to the inbox with the unread count as a badge, kept up to
 * date by server push while the page is open (an entry stored by any instance reaches it through
 * the inbox's listener registry).
 */
public class InboxBell extends Anchor {

    public static final String ID = "inbox-bell";
    public static final String BADGE_ID = "inbox-badge";

    private final Inbox inbox;
    private final Span badge = new Span();
    private @Nullable InboxSubscription subscription;

    /** @param inboxPath where the signed-in person's inbox is, e.g. {@code /notifications} */
    public InboxBell(Inbox inbox, String inboxPath) {
        super(inboxPath);
        this.inbox = inbox;
        setId(ID);
        badge.setId(BADGE_ID);
        badge.getElement().getThemeList().add("badge error pill small");
        badge.getStyle().set("margin-inline-start", "var(--lumo-space-xs)");
        add(VaadinIcon.BELL.create(), badge);
        getStyle().set("display", "inline-flex").set("align-items", "center");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        show(inbox.unreadCount());
        subscription = inbox.subscribe(unread -> ui.access(() -> show(unread)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        super.onDetach(event);
    }

    /** What the badge shows now. */
    public long unread() {
        return badge.isVisible() ? Long.parseLong(badge.getText()) : 0;
    }

    private void show(long unread) {
        badge.setText(Long.toString(unread));
        badge.setVisible(unread > 0);
        String label = getTranslation("notifications.bell.unread", unread);
        setTitle(getTranslation("notifications.bell.label") + ": " + label);
        getElement().setAttribute("aria-label", label);
    }
}
