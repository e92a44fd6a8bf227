package io.loadwise.ui.messaging;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import io.loadwise.messaging.Message;
import io.loadwise.messaging.MessagePage;
import io.loadwise.messaging.MessagingService;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A client's thread with a box to reply: used by the coach's client tab and the client's portal.
 * Shows the newest messages, older ones on request, and marks the thread read whenever it shows
 * it. Message text is only ever set as text, so markup in a message is shown, never run.
 */
public class MessageThread extends Div {

    /** Polling while the thread is open: new messages show up without a reload. */
    static final int POLL_MILLIS = 10_000;

    static final int PAGE_SIZE = 50;

    /** Where the thread's messages come from and go to: the coach's or the client's own calls. */
    public interface Source {
        MessagePage page(@Nullable String cursor, int limit);

        Message post(String body);

        void markRead();
    }

    private final Source source;
    private final ZoneId zone;
    private final Div list = new Div();
    private final Button earlier = new Button("Show earlier messages", click -> showEarlier());
    private final Paragraph empty = new Paragraph("No messages yet.");
    private final TextArea compose = new TextArea();
    private final Button send = new Button("Send", click -> send());
    private final List<Message> shown = new ArrayList<>();
    private @Nullable String olderCursor;
    private @Nullable Registration polling;

    public MessageThread(Source source, ZoneId zone) {
        this.source = source;
        this.zone = zone;
        setId("message-thread");
        list.setId("messages");
        list.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
        earlier.setId("earlier-messages");
        earlier.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        empty.setId("no-messages");
        compose.setId("compose");
        compose.setLabel("Your message");
        compose.setWidthFull();
        compose.setMinHeight("6em");
        compose.setMaxLength(MessagingService.MAX_BODY);
        compose.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
        compose.addValueChangeListener(change -> compose.setInvalid(false));
        send.setId("send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(earlier, empty, list, compose, send);
        refresh();
    }

    /** Shows the newest messages again and marks them read. */
    public void refresh() {
        MessagePage page = source.page(null, PAGE_SIZE);
        shown.clear();
        shown.addAll(page.messages());
        olderCursor = page.olderCursor();
        render();
        source.markRead();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(POLL_MILLIS);
        polling = attach.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        detach.getUI().setPollInterval(-1);
    }

    private void showEarlier() {
        if (olderCursor == null) {
            return;
        }
        MessagePage page = source.page(olderCursor, PAGE_SIZE);
        shown.addAll(0, page.messages());
        olderCursor = page.olderCursor();
        render();
    }

    private void send() {
        try {
            source.post(compose.getValue());
        } catch (IllegalArgumentException e) {
            compose.setErrorMessage(e.getMessage());
            compose.setInvalid(true);
            return;
        }
        compose.clear();
        compose.setInvalid(false);
        refresh();
    }

    private void render() {
        list.removeAll();
        shown.forEach(message -> list.add(bubble(message)));
        empty.setVisible(shown.isEmpty());
        earlier.setVisible(olderCursor != null);
    }

    private Div bubble(Message message) {
        Span author = new Span(message.fromMe() ? "You" : message.authorName());
        author.addClassName("message-author");
        author.getStyle().set("font-weight", "600");
        Span time = new Span(Timestamps.dateTime(message.createdAt(), zone));
        time.addClassName("message-time");
        time.getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("margin-left", "var(--lumo-space-s)");
        // setText escapes: a message is shown as the characters typed, markup included.
        Paragraph body = new Paragraph(message.body());
        body.addClassName("message-body");
        body.getStyle().set("white-space", "pre-wrap").set("margin", "var(--lumo-space-xs) 0 0");
        Div bubble = new Div(author, time, body);
        bubble.addClassName("message");
        if (message.fromMe()) {
            bubble.addClassName("message-mine");
        }
        bubble.getStyle()
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("max-width", "40em")
                .set("align-self", message.fromMe() ? "flex-end" : "flex-start")
                .set("background", message.fromMe() ? "var(--lumo-primary-color-10pct)" : "var(--lumo-contrast-5pct)");
        return bubble;
    }
}
