package io.loadwise.billing.orders;

import io.loadwise.billing.webhooks.ReceivedStripeEvent;
import io.loadwise.billing.webhooks.StripeEventHandler;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import io.loadwise.testsupport.IntegrationTest;
import io.loadwise.testsupport.TestInfrastructure;
import io.loadwise.testsupport.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the billing ledger ITs share (and so one Spring context): Stripe answered by {@link
 * FakeStripe} over HTTP, events handed to the real handlers as the webhook processor hands them
 * (tenant bound, no transaction), and reads of the ledger as the application role.
 */
@IntegrationTest
abstract class LedgerITSupport {

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("loadwise.stripe.api-base", () -> FakeStripe.shared().url());
    }

    protected final FakeStripe stripe = FakeStripe.shared();

    @Autowired
    protected List<StripeEventHandler> handlers;

    /** Delivers an event of {@code type} about {@code objectId} as the webhook processor would. */
    protected void deliver(TenantId tenant, String account, String type, String objectId) {
        StripeEventHandler handler = handlers.stream()
                .filter(h -> h.eventTypes().contains(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No handler for " + type));
        var event = new ReceivedStripeEvent(
                stripe.id("evt"), type, account, false, objectId, Instant.now(), tenant, new com.stripe.model.Event());
        TenantContext.runAs(tenant, () -> {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("Handling " + type + " " + objectId + " failed", e);
            }
        });
    }

    protected static <T> T read(TenantId tenant, Function<DSLContext, T> query) {
        AtomicReference<T> result = new AtomicReference<>();
        TestTenants.seed(tenant, db -> result.set(query.apply(db)));
        return result.get();
    }

    protected static int count(TenantId tenant, Function<DSLContext, Integer> query) {
        return read(tenant, query);
    }

    /** How many records on {@code topic} match, reading it from the start for {@code window}. */
    protected static int countOnTopic(String topic, Duration window, Predicate<ConsumerRecord<String, byte[]>> match) {
        int count = 0;
        try (var consumer = new KafkaConsumer<String, byte[]>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafka().bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(window);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(250))) {
                    if (match.test(record)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    protected static Predicate<ConsumerRecord<String, byte[]>> mentions(Object id) {
        return record -> new String(record.value(), java.nio.charset.StandardCharsets.UTF_8).contains(id.toString());
    }
}
