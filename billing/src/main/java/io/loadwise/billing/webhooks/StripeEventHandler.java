package io.loadwise.billing.webhooks;

import java.util.Set;

/**
 * Acts on stored Stripe events of some types. Beans of this type are found by the webhook
 * processor; each event type has exactly one handler (checked at start-up).
 *
 * <p>{@link #handle} runs on a worker thread with the event's tenant bound
 * ({@code TenantContext}), outside any transaction: re-fetch the object from Stripe first, then
 * apply it in your own transaction. It must be idempotent — the same event, an older one after a
 * newer one, or a replay must all leave the same state. Throwing marks the attempt failed; it is
 * retried with back-off and, after the last attempt, shown to platform admins for replay.
 */
public interface StripeEventHandler {

    /** The event types this handler acts on, e.g. {@code checkout.session.completed}. */
    Set<String> eventTypes();

    void handle(ReceivedStripeEvent event) throws Exception;
}
