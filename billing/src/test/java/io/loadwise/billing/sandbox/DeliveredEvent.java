package io.loadwise.billing.sandbox;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One attempt of the sandbox to post a webhook to one of the app's endpoints.
 *
 * @param account the connected account ({@code event.account}); null for platform events
 * @param objectId the id of {@code data.object}
 * @param endpointUrl where it was posted
 * @param status the endpoint's HTTP answer (0: no answer)
 * @param payload the exact body that was signed and posted
 * @param attempt 1 for the first post of this event to this endpoint, 2 for the first retry, ...
 */
public record DeliveredEvent(
        String id,
        String type,
        String account,
        String objectId,
        String endpointUrl,
        int status,
        String payload,
        int attempt) {

    /** The event as JSON, e.g. to look at {@code data.object}. */
    public JsonObject json() {
        return JsonParser.parseString(payload).getAsJsonObject();
    }

    public boolean acknowledged() {
        return status >= 200 && status < 300;
    }
}
