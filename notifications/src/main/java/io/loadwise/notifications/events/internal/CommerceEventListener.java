package io.loadwise.notifications.events.internal;

import io.loadwise.catalog.Catalog;
import io.loadwise.catalog.Offer;
import io.loadwise.catalog.OfferKind;
import io.loadwise.commerce.CommerceFacts;
import io.loadwise.commerce.CommerceFacts.PaidOrder;
import io.loadwise.commerce.DisputeOpened;
import io.loadwise.commerce.OrderPaid;
import io.loadwise.commerce.RefundIssued;
import io.loadwise.commerce.SubscriptionCanceled;
import io.loadwise.commerce.SubscriptionChange;
import io.loadwise.commerce.SubscriptionPastDue;
import io.loadwise.commerce.SubscriptionStarted;
import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.notifications.NotificationType;
import io.loadwise.notifications.Recipient;
import io.loadwise.roster.ClientId;
import io.loadwise.roster.NotificationAudience;
import io.loadwise.roster.NotificationAudience.Circle;
import io.loadwise.roster.NotificationAudience.Person;
import io.loadwise.tenancy.RecentTenants;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Money mail: the buyer's receipt, their coaching starting, a failed renewal, the end of coaching
 * and a refund (all transactional); a dispute alerts the business's owners and the buyer's coaches.
 * The events carry ids; titles, names and amounts are read as the event's tenant.
 */
@Component
@ConditionalOnWorkerRole
class CommerceEventListener {

    private static final Logger log = LoggerFactory.getLogger(CommerceEventListener.class);

    private final EventIntake intake;
    private final CommerceFacts commerce;
    private final Catalog catalog;
    private final NotificationAudience audience;
    private final RecentTenants tenants;

    CommerceEventListener(
            EventIntake intake,
            CommerceFacts commerce,
            Catalog catalog,
            NotificationAudience audience,
            RecentTenants tenants) {
        this.intake = intake;
        this.commerce = commerce;
        this.catalog = catalog;
        this.audience = audience;
        this.tenants = tenants;
    }

    @KafkaListener(
            id = "notifications-commerce",
            topics = {
                OrderPaid.TOPIC,
                SubscriptionStarted.TOPIC,
                SubscriptionPastDue.TOPIC,
                SubscriptionCanceled.TOPIC,
                RefundIssued.TOPIC,
                DisputeOpened.TOPIC
            },
            groupId = Listeners.GROUP,
            concurrency = Listeners.CONCURRENCY,
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        intake.handleBatch(records, record -> switch (record.topic()) {
            case OrderPaid.TOPIC -> orderPaid(record);
            case SubscriptionStarted.TOPIC ->
                subscription(record, SubscriptionStarted.class, NotificationType.COACHING_STARTED, "/me/today");
            case SubscriptionPastDue.TOPIC ->
                subscription(record, SubscriptionPastDue.class, NotificationType.RENEWAL_FAILED, "/me/purchases");
            case SubscriptionCanceled.TOPIC ->
                subscription(record, SubscriptionCanceled.class, NotificationType.COACHING_CANCELED, "/me/purchases");
            case RefundIssued.TOPIC -> refundIssued(record);
            default -> disputeOpened(record);
        });
    }

    private Optional<EventIntake.Job> orderPaid(ConsumerRecord<String, byte[]> record) {
        OrderPaid e = intake.read(record, OrderPaid.class, o ->
                new Object[] {o.eventId(), o.tenantId(), o.orderId(), o.kind(), o.currency(), o.occurredAt()});
        return Optional.of(new EventIntake.Job(e.tenantId(), () -> {
            Tenant tenant = tenant(e.tenantId());
            Optional<PaidOrder> order = commerce.order(e.orderId());
            UUID offerId = order.map(PaidOrder::offerId).orElse(e.offerId());
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("orderId", e.orderId().toString());
            model.put("offerTitle", offerTitle(offerId, e.kind()));
            model.put("offerKind", e.kind().dbValue());
            model.put("amountTotalMinor", e.amountTotalMinor());
            model.put("currency", e.currency());
            model.put(
                    "paidAt",
                    order.map(PaidOrder::paidAt).orElse(e.occurredAt()).toString());
            order.ifPresent(o -> {
                model.put("amountSubtotalMinor", o.amountSubtotalMinor());
                model.put("discountMinor", o.discountMinor());
                model.put("taxMinor", o.taxMinor());
            });
            model.put("guest", e.guest());
            buyer(record, e.clientId(), order)
                    .ifPresent(to -> intake.notify(
                            e.eventId(),
                            e.tenantId(),
                            NotificationType.RECEIPT,
                            to,
                            model,
                            portal(tenant, "/me/purchases"),
                            e.occurredAt()));
        }));
    }

    /** Coaching started, a renewal failed or coaching ended: the buyer is told, with the offer's title. */
    private <E extends SubscriptionChange> Optional<EventIntake.Job> subscription(
            ConsumerRecord<String, byte[]> record, Class<E> eventType, NotificationType type, String page) {
        E e = intake.read(record, eventType, s ->
                new Object[] {s.eventId(), s.tenantId(), s.subscriptionId(), s.clientId(), s.occurredAt()});
        return Optional.of(new EventIntake.Job(e.tenantId(), () -> {
            Tenant tenant = tenant(e.tenantId());
            String title =
                    offerTitle(commerce.offerOfSubscription(e.subscriptionId()).orElse(null), OfferKind.COACHING);
            buyer(record, e.clientId(), Optional.empty())
                    .ifPresent(to -> intake.notify(
                            e.eventId(),
                            e.tenantId(),
                            type,
                            to,
                            Map.of("offerTitle", title),
                            portal(tenant, page),
                            e.occurredAt()));
        }));
    }

    private Optional<EventIntake.Job> refundIssued(ConsumerRecord<String, byte[]> record) {
        RefundIssued e = intake.read(record, RefundIssued.class, r ->
                new Object[] {r.eventId(), r.tenantId(), r.orderId(), r.currency(), r.occurredAt()});
        return Optional.of(new EventIntake.Job(e.tenantId(), () -> {
            Tenant tenant = tenant(e.tenantId());
            Optional<PaidOrder> order = commerce.order(e.orderId());
            String title = offerTitle(
                    order.map(PaidOrder::offerId).orElse(null),
                    order.map(PaidOrder::kind).orElse(OfferKind.GUIDE));
            Map<String, Object> model = Map.of(
                    "offerTitle", title,
                    "amountMinor", e.amountMinor(),
                    "currency", e.currency(),
                    "full", e.full(),
                    "orderId", e.orderId().toString());
            buyer(record, e.clientId(), order)
                    .ifPresent(to -> intake.notify(
                            e.eventId(),
                            e.tenantId(),
                            NotificationType.REFUND_ISSUED,
                            to,
                            model,
                            portal(tenant, "/me/purchases"),
                            e.occurredAt()));
        }));
    }

    private Optional<EventIntake.Job> disputeOpened(ConsumerRecord<String, byte[]> record) {
        DisputeOpened e = intake.read(record, DisputeOpened.class, d ->
                new Object[] {d.eventId(), d.tenantId(), d.currency(), d.occurredAt()});
        return Optional.of(new EventIntake.Job(e.tenantId(), () -> {
            Optional<PaidOrder> order = e.orderId() == null ? Optional.empty() : commerce.order(e.orderId());
            Optional<Circle> circle = order.map(PaidOrder::clientId).flatMap(audience::circleOf);
            String clientName = circle.map(c -> c.client().name())
                    .or(() -> order.map(o -> o.buyerName() == null ? o.buyerEmail() : o.buyerName()))
                    .orElse("?");
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("clientName", clientName);
            model.put("amountMinor", e.amountMinor());
            model.put("currency", e.currency());
            model.put("reason", e.reason() == null ? "" : e.reason());
            if (e.orderId() != null) {
                model.put("orderId", e.orderId().toString());
            }
            order.ifPresent(o -> model.put("offerTitle", offerTitle(o.offerId(), o.kind())));
            // The owners answer for the money; the client's coaches should know before they talk to them.
            List<Person> told = new ArrayList<>(audience.owners());
            circle.ifPresent(c -> c.coaches().stream()
                    .filter(coach -> told.stream().noneMatch(p -> p.email().equals(coach.email())))
                    .forEach(told::add));
            if (told.isEmpty()) {
                log.warn("Dispute {} of tenant {}: the business has nobody to tell", e.disputeId(), e.tenantId());
            }
            for (Person person : told) {
                intake.recipient(person.email(), person.name(), person.memberId(), record.topic())
                        .ifPresent(to -> intake.notify(
                                e.eventId(),
                                e.tenantId(),
                                NotificationType.DISPUTE_OPENED,
                                to,
                                model,
                                "/coach/payments",
                                e.occurredAt()));
            }
        }));
    }

    /**
     * The buyer: the client on the roster (with their inbox) when there is one, else the address
     * checkout took.
     */
    private Optional<Recipient> buyer(
            ConsumerRecord<String, byte[]> record, @Nullable ClientId client, Optional<PaidOrder> order) {
        Optional<Person> person = Optional.ofNullable(client)
                .flatMap(audience::circleOf)
                .map(Circle::client)
                .or(() -> order.map(
                        o -> new Person(null, o.buyerEmail(), o.buyerName() == null ? o.buyerEmail() : o.buyerName())));
        if (person.isEmpty()) {
            log.info("A {} record names a buyer who is gone (erased); nothing to send", record.topic());
        }
        return person.flatMap(p -> intake.recipient(p.email(), p.name(), p.memberId(), record.topic()));
    }

    /** The offer's title as the storefront shows it; for a deleted offer, what kind of thing it was. */
    private String offerTitle(@Nullable UUID offerId, OfferKind kind) {
        return Optional.ofNullable(offerId)
                .flatMap(catalog::offer)
                .map(Offer::title)
                .orElse(
                        switch (kind) {
                            case GUIDE -> "Guide";
                            case CUSTOM_PLAN -> "Custom plan";
                            case COACHING -> "Coaching";
                        });
    }

    private Tenant tenant(TenantId id) {
        return tenants.find(id).orElseThrow(() -> new IllegalStateException("No tenant " + id));
    }

    static String portal(Tenant tenant, String page) {
        return "/t/" + tenant.slug() + page;
    }
}
