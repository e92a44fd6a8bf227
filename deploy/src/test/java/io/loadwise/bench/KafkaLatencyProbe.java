package io.loadwise.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor under any event-driven latency on this broker: records produced at a fixed rate
 * (acknowledged by all replicas, as the application's producer is configured) and consumed by a
 * consumer group that polls continuously; each record carries its send time.
 */
final class KafkaLatencyProbe {

    private KafkaLatencyProbe() {}

    static Latencies measure(String bootstrapServers, double perSecond, int seconds) throws InterruptedException {
        String topic = "bench.raw-latency." + UUID.randomUUID();
        int total = (int) Math.round(perSecond * seconds);
        Latencies latencies = new Latencies();
        CountDownLatch assigned = new CountDownLatch(1);
        CountDownLatch received = new CountDownLatch(total);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread consumer = Thread.ofPlatform().name("raw-kafka-consumer").start(() -> {
            try (var kafka = new KafkaConsumer<String, byte[]>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            bootstrapServers,
                            ConsumerConfig.GROUP_ID_CONFIG,
                            topic,
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest",
                            // the application's listeners fetch as soon as one record is there
                            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                            500),
                    new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                kafka.subscribe(List.of(topic));
                while (running.get()) {
                    var records = kafka.poll(Duration.ofMillis(100));
                    if (!kafka.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    long now = System.nanoTime();
                    for (var record : records) {
                        latencies.add(now - ByteBuffer.wrap(record.value()).getLong());
                        received.countDown();
                    }
                }
            }
        });
        try (var producer = new KafkaProducer<String, byte[]>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true),
                new StringSerializer(),
                new ByteArraySerializer())) {
            // The topic is auto-created by the first send; wait until the consumer owns its partition.
            producer.send(new ProducerRecord<>(
                    topic,
                    "warm-up",
                    ByteBuffer.allocate(8).putLong(System.nanoTime()).array()));
            producer.flush();
            if (!assigned.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The probe's consumer got no partition of " + topic);
            }
            Thread.sleep(2000);
            long interval = Math.round(1_000_000_000 / perSecond);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                byte[] value = ByteBuffer.allocate(8).putLong(System.nanoTime()).array();
                producer.send(new ProducerRecord<>(topic, "tenant-" + (i % 10), value));
            }
            producer.flush();
            received.await(60, TimeUnit.SECONDS);
        } finally {
            running.set(false);
            consumer.join();
        }
        // The warm-up record's latency includes the topic's creation and the group's first rebalance.
        return latencies.withoutFirst(1);
    }
}
