package io.loadwise.ui.messaging;

import com.vaadin.flow.component.Component;
import io.loadwise.messaging.Message;
import io.loadwise.messaging.MessagePage;
import io.loadwise.messaging.MessagingService;
import io.loadwise.roster.ClientId;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.ui.roster.ClientDetailTab;
import org.jspecify.annotations.Nullable;

/** The client detail's "Messages" tab: the coach's side of the client's thread. */
@org.springframework.stereotype.Component
class MessagesTab implements ClientDetailTab {

    private final MessagingService messaging;
    private final TenantDirectory tenants;

    MessagesTab(MessagingService messaging, TenantDirectory tenants) {
        this.messaging = messaging;
        this.tenants = tenants;
    }

    @Override
    public String label() {
        return "Messages";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Component content(ClientId client) {
        return new MessageThread(
                new MessageThread.Source() {
                    @Override
                    public MessagePage page(@Nullable String cursor, int limit) {
                        return messaging.thread(client, cursor, limit);
                    }

                    @Override
                    public Message post(String body) {
                        return messaging.post(client, body);
                    }

                    @Override
                    public void markRead() {
                        messaging.markRead(client);
                    }
                },
                Timestamps.zoneOf(tenants));
    }
}
