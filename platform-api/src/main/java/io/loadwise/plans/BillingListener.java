package io.loadwise.plans;

import io.loadwise.catalog.OfferKind;
import io.loadwise.commerce.OrderPaid;
import io.loadwise.commerce.SubscriptionCanceled;
import io.loadwise.commerce.SubscriptionStarted;
import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.events.EventPayloads;
import io.loadwise.events.ProcessedEvents;
import io.loadwise.events.UnprocessableEventException;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Plans react to money (worker role): a custom plan bought gets a draft and a coach task, coaching
 * started gets the onboarding plan, coaching ended pauses the plan. Each event once per consumer
 * ({@link ProcessedEvents#runOnce}); {@link PlanLifecycle} is idempotent by order or subscription
 * on top of that.
 */
@Component
@ConditionalOnWorkerRole
class BillingListener {

    static final String GROUP = "loadwise-plans-billing";

    private static final Logger log = LoggerFactory.getLogger(BillingListener.class);

    private final EventPayloads payloads;
    private final ProcessedEvents processed;
    private final PlanLifecycle lifecycle;

    BillingListener(EventPayloads payloads, ProcessedEvents processed, PlanLifecycle lifecycle) {
        this.payloads = payloads;
        this.processed = processed;
        this.lifecycle = lifecycle;
    }

    @KafkaListener(id = "plans-order-paid", topics = OrderPaid.TOPIC, groupId = GROUP)
    void onOrderPaid(ConsumerRecord<String, byte[]> record) {
        OrderPaid event = payloads.read(record.value(), OrderPaid.class);
        require(event, event.eventId(), event.tenantId(), event.orderId(), event.clientId(), event.kind());
        if (event.kind() != OfferKind.CUSTOM_PLAN) {
            return;
        }
        processed.runOnce(event.tenantId(), event.eventId(), "plans.order-paid", () -> {
            try {
                lifecycle.customPlanBought(event.clientId(), event.orderId().toString());
            } catch (IllegalStateException e) {
                // No template to draft from: no retry changes that; the dead-letter topic shows it.
                throw new UnprocessableEventException(e.getMessage(), e);
            }
        });
    }

    @KafkaListener(id = "plans-subscription-started", topics = SubscriptionStarted.TOPIC, groupId = GROUP)
    void onSubscriptionStarted(ConsumerRecord<String, byte[]> record) {
        SubscriptionStarted event = payloads.read(record.value(), SubscriptionStarted.class);
        require(event, event.eventId(), event.tenantId(), event.subscriptionId(), event.clientId());
        boolean ran = processed.runOnce(
                event.tenantId(),
                event.eventId(),
                "plans.subscription-started",
                () -> lifecycle.coachingStarted(
                        event.clientId(), event.subscriptionId().toString()));
        if (!ran) {
            log.info("Event {} was handled before; redelivery ignored", event.eventId());
        }
    }

    @KafkaListener(id = "plans-subscription-canceled", topics = SubscriptionCanceled.TOPIC, groupId = GROUP)
    void onSubscriptionCanceled(ConsumerRecord<String, byte[]> record) {
        SubscriptionCanceled event = payloads.read(record.value(), SubscriptionCanceled.class);
        require(event, event.eventId(), event.tenantId(), event.subscriptionId(), event.clientId());
        processed.runOnce(
                event.tenantId(),
                event.eventId(),
                "plans.subscription-canceled",
                () -> lifecycle.coachingCanceled(
                        event.clientId(), event.subscriptionId().toString()));
    }

    private static void require(Object event, Object... fields) {
        // Jackson leaves missing properties null; without these there is nothing to act on.
        if (Stream.of(fields).anyMatch(Objects::isNull)) {
            throw new UnprocessableEventException("Event record lacks required fields: " + event);
        }
    }
}
