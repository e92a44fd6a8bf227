package io.loadwise.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what really is on a topic of the shared test broker, as an outside observer: no consumer
 * group, every partition from the beginning.
 */
public final class TopicRecords {

    private TopicRecords() {}

    /** The first record on {@code topic} that matches, waiting up to {@code timeout} for it. */
    public static ConsumerRecord<String, byte[]> await(
            String topic, Duration timeout, Predicate<ConsumerRecord<String, byte[]>> match) {
        Instant deadline = Instant.now().plus(timeout);
        try (var consumer = new KafkaConsumer<String, byte[]>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestInfrastructure.kafka().bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                partitions = Optional.ofNullable(consumer.partitionsFor(topic, Duration.ofSeconds(2))).stream()
                        .flatMap(List::stream)
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
                if (partitions.isEmpty()) {
                    sleep(200);
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(250))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within " + timeout);
    }

    /** Waits until {@code group} committed past {@code record}: the consumer handled it. */
    public static void awaitConsumed(String group, ConsumerRecord<?, ?> record, Duration timeout) {
        var partition = new TopicPartition(record.topic(), record.partition());
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get();
                OffsetAndMetadata committed = offsets.get(partition);
                if (committed != null && committed.offset() > record.offset()) {
                    return;
                }
                sleep(200);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the offsets of " + group, e);
        }
        throw new AssertionError(
                group + " did not consume " + partition + "@" + record.offset() + " within " + timeout);
    }

    /** The header's value as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
