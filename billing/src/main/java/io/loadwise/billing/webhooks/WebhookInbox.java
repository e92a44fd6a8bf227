package io.loadwise.billing.webhooks;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Platform admins' view of the webhook inbox: what failed or was flagged, and replay. */
@Service
public class WebhookInbox {

    /** Failed and flagged events, newest first. */
    public List<FailedWebhook> problems(int limit) {
        throw new UnsupportedOperationException("Commerce issue: webhooks");
    }

    /** Event counts by status. */
    public Map<String, Long> counts() {
        throw new UnsupportedOperationException("Commerce issue: webhooks");
    }

    /** Puts an event back in the queue (audited); it is processed again within seconds. */
    public void replay(String eventId) {
        throw new UnsupportedOperationException("Commerce issue: webhooks");
    }
}
