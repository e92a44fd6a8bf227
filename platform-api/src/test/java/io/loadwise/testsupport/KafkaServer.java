package io.loadwise.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker (KRaft): a Testcontainers container where Docker runs, else a broker
 * started in this JVM with spring-kafka-test.
 */
public final class KafkaServer implements AutoCloseable {

    private final String bootstrapServers;
    private final AutoCloseable handle;

    private KafkaServer(String bootstrapServers, AutoCloseable handle) {
        this.bootstrapServers = bootstrapServers;
        this.handle = handle;
    }

    /** @param port the listener port, or 0 for any free one */
    public static KafkaServer startEmbedded(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.kafkaPorts(port);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("num.partitions", "3");
        broker.afterPropertiesSet();
        return new KafkaServer(broker.getBrokersAsString(), broker::destroy);
    }

    @SuppressWarnings("resource")
    public static KafkaServer startContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.0");
        container.start();
        return new KafkaServer(container.getBootstrapServers(), container);
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() throws Exception {
        handle.close();
    }
}
