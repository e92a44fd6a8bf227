package io.loadwise.billing.webhooks.internal;

import com.stripe.StripeClient;
import com.stripe.model.Event;
import io.loadwise.billing.StripeProperties;
import io.loadwise.billing.connect.PaymentAccountService;
import io.loadwise.billing.webhooks.ReceivedStripeEvent;
import io.loadwise.billing.webhooks.StripeEventHandler;
import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Works off the webhook inbox in the worker role: claims due events in batches (skipping those
 * another instance holds), hands each to the one {@link StripeEventHandler} of its type with the
 * event's business bound, and records the outcome — processed; ignored (no handler); flagged (no
 * effect: an unknown connected account, or live/test mode not matching this installation); or a
 * failed attempt, retried with exponential back-off and after the last attempt marked failed for
 * platform admins. Woken at once when this instance stores an event; otherwise it polls.
 *
 * <p>Events of one object may be handled in any order and at the same time: handlers re-fetch
 * the object from Stripe and apply its current state idempotently.
 */
@Component
@ConditionalOnWorkerRole
public class WebhookProcessor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);
    private static final long GATHER_MILLIS = 10;

    private final StripeEventRepository events;
    private final StripeClient stripeClient;
    private final PaymentAccountService accounts;
    private final StripeProperties stripe;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Map<String, StripeEventHandler> handlers;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Map<String, TenantId> tenantsByAccount = new ConcurrentHashMap<>();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile @Nullable Thread dispatcher;
    private volatile @Nullable ExecutorService workers;
    private volatile boolean running;

    WebhookProcessor(
            StripeEventRepository events,
            StripeClient stripeClient,
            PaymentAccountService accounts,
            StripeProperties stripe,
            WebhookProperties properties,
            Clock clock,
            List<StripeEventHandler> handlers) {
        this.events = events;
        this.stripeClient = stripeClient;
        this.accounts = accounts;
        this.stripe = stripe;
        this.properties = properties;
        this.clock = clock;
        this.handlers = byType(handlers);
    }

    /** Each event type has exactly one handler; two claiming one type is a programming error. */
    static Map<String, StripeEventHandler> byType(List<StripeEventHandler> handlers) {
        Map<String, StripeEventHandler> byType = new HashMap<>();
        for (StripeEventHandler handler : handlers) {
            for (String type : handler.eventTypes()) {
                StripeEventHandler other = byType.putIfAbsent(type, handler);
                if (other != null) {
                    throw new IllegalStateException("Stripe event type " + type + " has two handlers: "
                            + other.getClass().getName() + " and "
                            + handler.getClass().getName()
                            + ". Each type must have exactly one.");
                }
            }
        }
        return Map.copyOf(byType);
    }

    /** Look at the inbox now (an event was just stored or replayed). */
    public void wake() {
        wakeUp.release();
    }

    @Override
    public void start() {
        running = true;
        workers = Executors.newFixedThreadPool(Math.max(1, properties.threads()), r -> {
            Thread thread = new Thread(r, "stripe-webhooks-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Thread thread = new Thread(this::run, "stripe-webhooks-dispatcher");
        thread.setDaemon(true);
        dispatcher = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp.release();
        Thread thread = dispatcher;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExecutorService pool = workers;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                int claimed = drainOnce();
                if (claimed < properties.batchSize()) {
                    // Nothing more is due: sleep until woken or the next poll.
                    if (wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        // Events come in bursts (a checkout sends several at once): gather a few
                        // before claiming, one claim per burst rather than one per event.
                        Thread.sleep(GATHER_MILLIS);
                    }
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.error("Claiming Stripe events failed; trying again after the poll interval", e);
                sleepQuietly(properties.pollInterval());
            }
        }
    }

    /** Claims one batch and processes it on the pool; @return how many were claimed. */
    int drainOnce() throws InterruptedException {
        List<StoredStripeEvent> batch = events.claimDue(properties.batchSize(), properties.lease());
        if (batch.isEmpty()) {
            return 0;
        }
        List<Callable<Void>> tasks = new ArrayList<>(batch.size());
        for (StoredStripeEvent event : batch) {
            tasks.add(() -> {
                process(event);
                return null;
            });
        }
        ExecutorService pool = workers;
        if (pool == null) {
            return 0;
        }
        pool.invokeAll(tasks);
        return batch.size();
    }

    private void process(StoredStripeEvent stored) {
        try {
            if (stored.livemode() != stripe.livemode()) {
                events.finish(
                        stored.id(),
                        StripeEventRepository.FLAGGED,
                        (stored.livemode() ? "A live-mode event" : "A test-mode event") + " reached an installation in "
                                + (stripe.livemode() ? "live" : "test") + " mode; it was not applied.");
                log.warn("Stripe event {} ({}) flagged: live/test mode mismatch", stored.id(), stored.type());
                return;
            }
            TenantId tenant = null;
            if (stored.account() != null) {
                Optional<TenantId> owner = tenantOf(stored.account());
                if (owner.isEmpty()) {
                    events.finish(
                            stored.id(),
                            StripeEventRepository.FLAGGED,
                            "No business has the connected account " + stored.account()
                                    + "; the event was not applied.");
                    log.warn(
                            "Stripe event {} ({}) flagged: unknown account {}",
                            stored.id(),
                            stored.type(),
                            stored.account());
                    return;
                }
                tenant = owner.get();
            }
            StripeEventHandler handler = handlers.get(stored.type());
            if (handler == null) {
                events.finish(stored.id(), StripeEventRepository.IGNORED, null);
                return;
            }
            Event event = stripeClient.constructEventWithoutVerification(stored.payload());
            ReceivedStripeEvent received = new ReceivedStripeEvent(
                    stored.id(),
                    stored.type(),
                    stored.account(),
                    stored.livemode(),
                    stored.objectId() == null ? "" : stored.objectId(),
                    stored.created(),
                    tenant,
                    event);
            handle(handler, received, tenant);
            events.finish(stored.id(), StripeEventRepository.PROCESSED, null);
        } catch (Exception e) {
            attemptFailed(stored, e);
        }
    }

    /**
     * An account's business, remembered once known: an account belongs to one business for good
     * (unique in payment_accounts). Unknown accounts are asked again, they may be onboarded later.
     */
    private Optional<TenantId> tenantOf(String account) {
        TenantId known = tenantsByAccount.get(account);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<TenantId> owner = accounts.tenantOfAccount(account);
        owner.ifPresent(tenant -> tenantsByAccount.put(account, tenant));
        return owner;
    }

    private static void handle(StripeEventHandler handler, ReceivedStripeEvent event, @Nullable TenantId tenant)
            throws Exception {
        if (tenant == null) {
            handler.handle(event);
            return;
        }
        try (TenantContext.Scope ignored = TenantContext.bind(tenant)) {
            handler.handle(event);
        }
    }

    private void attemptFailed(StoredStripeEvent stored, Exception e) {
        int attempts = stored.attempts() + 1;
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        try {
            if (attempts >= properties.maxAttempts()) {
                events.attemptFailed(stored.id(), attempts, null, error);
                log.error(
                        "Stripe event {} ({}) failed {} times; it is shown to platform admins for replay",
                        stored.id(),
                        stored.type(),
                        attempts,
                        e);
            } else {
                Duration delay = properties.retryDelay(attempts);
                events.attemptFailed(stored.id(), attempts, clock.instant().plus(delay), error);
                log.warn(
                        "Stripe event {} ({}) attempt {} failed ({}); retrying in {}",
                        stored.id(),
                        stored.type(),
                        attempts,
                        error,
                        delay);
            }
        } catch (RuntimeException storing) {
            // The lease runs out and the event is claimed again.
            log.error("Could not record the failed attempt of Stripe event {}", stored.id(), storing);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
