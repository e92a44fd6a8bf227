package io.loadwise.notifications.plans;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.events.EventPayloads;
import io.loadwise.events.ProcessedEvents;
import io.loadwise.events.UnprocessableEventException;
import io.loadwise.notifications.Mail;
import io.loadwise.notifications.MailDelivery;
import io.loadwise.planengine.AdjustmentProposed;
import io.loadwise.planengine.ProposalNotices;
import io.loadwise.plans.ClientPlan;
import io.loadwise.plans.PlanAdjusted;
import io.loadwise.plans.PlanAssigned;
import io.loadwise.plans.PlanRevision;
import io.loadwise.plans.PlanStatus;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RevisionKind;
import io.loadwise.plans.RevisionSource;
import io.loadwise.roster.ClientContact;
import io.loadwise.roster.ClientContacts;
import io.loadwise.tenancy.Tenant;
import io.loadwise.tenancy.TenantDirectory;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns plan events into mails: the client hears about a new plan and about every change with its
 * reason; the coach is alerted when the plan engine (or billing) changed a client's plan.
 *
 * <p>Each recipient is its own consumer in {@link ProcessedEvents}, so a retry after the coach's
 * mail failed does not mail the client twice. Events carry ids only; the reason is read from the
 * revision, as the event's tenant.
 */
@Component
@ConditionalOnWorkerRole
class PlanMailer {

    static final String GROUP = "loadwise-notifications";
    /**
     * Consumers per plan topic: one per partition (events are keyed by tenant, so a tenant's mails
     * stay in order while three tenants' mails go out side by side).
     */
    static final String CONSUMERS = "${loadwise.events.partitions:3}";

    static final String CLIENT_CHANGE = "notifications.plan-adjusted.client";
    static final String COACH_ALERT = "notifications.plan-adjusted.coach";
    static final String CLIENT_READY = "notifications.plan-assigned.client";
    static final String COACH_PROPOSAL = "notifications.adjustment-proposed.coach";

    private static final Logger log = LoggerFactory.getLogger(PlanMailer.class);

    private final EventPayloads payloads;
    private final ProcessedEvents processed;
    private final PlanStore plans;
    private final ProposalNotices proposals;
    private final ClientContacts contacts;
    private final TenantDirectory tenants;
    private final PlanMailRenderer renderer;
    private final MailDelivery sender;

    PlanMailer(
            EventPayloads payloads,
            ProcessedEvents processed,
            PlanStore plans,
            ProposalNotices proposals,
            ClientContacts contacts,
            TenantDirectory tenants,
            PlanMailRenderer renderer,
            MailDelivery sender) {
        this.payloads = payloads;
        this.processed = processed;
        this.plans = plans;
        this.proposals = proposals;
        this.contacts = contacts;
        this.tenants = tenants;
        this.renderer = renderer;
        this.sender = sender;
    }

    @KafkaListener(id = "plan-adjusted-mailer", concurrency = CONSUMERS, topics = PlanAdjusted.TOPIC, groupId = GROUP)
    void onAdjusted(ConsumerRecord<String, byte[]> record) {
        PlanAdjusted event = payloads.read(record.value(), PlanAdjusted.class);
        requireComplete(
                event,
                event.eventId(),
                event.tenantId(),
                event.clientId(),
                event.planId(),
                event.kind(),
                event.source());
        boolean byThePlatform = event.source() == RevisionSource.ENGINE || event.source() == RevisionSource.BILLING;
        // A coach's session edits show in the plan with their reason; mailing each one would bury the
        // client in mail. A pause or resume changes their week, so it is mailed whoever made it.
        boolean pauseOrResume = event.kind() == RevisionKind.PAUSED || event.kind() == RevisionKind.RESUMED;
        // The coach's alert first: it is the one that asks for a decision.
        if (byThePlatform) {
            processed.runOnce(event.tenantId(), event.eventId(), COACH_ALERT, () -> about(event)
                    .filter(about -> about.contact().coachEmail() != null)
                    .ifPresent(about -> send(
                            about.contact().coachEmail(),
                            renderer.engineChangedPlan(about.tenant(), about.contact(), about.plan(), about.revision()),
                            event)));
        }
        if (byThePlatform || pauseOrResume) {
            processed.runOnce(event.tenantId(), event.eventId(), CLIENT_CHANGE, () -> about(event)
                    .ifPresent(about -> send(
                            about.contact().clientEmail(),
                            renderer.planChanged(about.tenant(), about.contact(), about.plan(), about.revision()),
                            event)));
        }
    }

    @KafkaListener(
            id = "adjustment-proposed-mailer",
            concurrency = CONSUMERS,
            topics = AdjustmentProposed.TOPIC,
            groupId = GROUP)
    void onProposed(ConsumerRecord<String, byte[]> record) {
        AdjustmentProposed event = payloads.read(record.value(), AdjustmentProposed.class);
        requireComplete(event, event.eventId(), event.tenantId(), event.clientId(), event.planId(), event.proposalId());
        processed.runOnce(event.tenantId(), event.eventId(), COACH_PROPOSAL, () -> {
            Tenant tenant = tenants.findById(event.tenantId()).orElseThrow();
            var contact = contacts.of(event.clientId()).filter(c -> c.coachEmail() != null);
            var plan = plans.plan(event.planId());
            var proposal = proposals.proposal(event.proposalId());
            if (contact.isPresent() && plan.isPresent() && proposal.isPresent()) {
                send(
                        contact.get().coachEmail(),
                        renderer.changeProposed(tenant, contact.get(), plan.get(), proposal.get()),
                        event);
            }
        });
    }

    @KafkaListener(id = "plan-assigned-mailer", concurrency = CONSUMERS, topics = PlanAssigned.TOPIC, groupId = GROUP)
    void onAssigned(ConsumerRecord<String, byte[]> record) {
        PlanAssigned event = payloads.read(record.value(), PlanAssigned.class);
        requireComplete(event, event.eventId(), event.tenantId(), event.clientId(), event.planId(), event.status());
        if (event.status() != PlanStatus.ACTIVE) {
            return; // a draft is the coach's work in progress: the client hears when it is assigned
        }
        processed.runOnce(event.tenantId(), event.eventId(), CLIENT_READY, () -> {
            Tenant tenant = tenants.findById(event.tenantId()).orElseThrow();
            var plan = plans.plan(event.planId());
            var contact = contacts.of(event.clientId());
            if (plan.isPresent() && contact.isPresent()) {
                send(contact.get().clientEmail(), renderer.planReady(tenant, contact.get(), plan.get()), event);
            }
        });
    }

    private record About(Tenant tenant, ClientContact contact, ClientPlan plan, PlanRevision revision) {}

    /** What a change mail needs; empty when the client or plan is gone (erased), so nothing is sent. */
    private java.util.Optional<About> about(PlanAdjusted event) {
        Tenant tenant = tenants.findById(event.tenantId()).orElseThrow();
        var contact = contacts.of(event.clientId());
        var plan = plans.plan(event.planId());
        var revision = plans.revision(event.planId(), event.revision());
        if (contact.isEmpty() || plan.isEmpty() || revision.isEmpty()) {
            log.info("Plan event {} concerns a client or plan that no longer exists; nothing mailed", event.eventId());
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new About(tenant, contact.get(), plan.get(), revision.get()));
    }

    private void send(String to, Mail mail, Object event) {
        sender.send(to, mail, event);
        log.info("Mailed \"{}\" for {}", mail.subject(), event.getClass().getSimpleName());
    }

    private static void requireComplete(Object event, Object... required) {
        // Jackson leaves missing properties null; without these no mail can ever be sent.
        if (Stream.of(required).anyMatch(Objects::isNull)) {
            throw new UnprocessableEventException("Plan event lacks required fields: " + event);
        }
    }
}
