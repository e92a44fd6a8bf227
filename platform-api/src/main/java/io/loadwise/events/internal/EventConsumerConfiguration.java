package io.loadwise.events.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.events.EventTopics;
import io.loadwise.events.EventsProperties;
import io.loadwise.events.UnprocessableEventException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The listener containers of the worker role: a failing record is retried in place with
 * exponential back-off, then published to {@code <topic>.DLT} with the exception in its headers
 * and skipped. Web-only instances get none of this, and so run no consumer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWorkerRole
class EventConsumerConfiguration {

    /** Replaces Boot's default factory (same name), keeping the {@code spring.kafka.listener.*} settings. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory,
            KafkaOperations<Object, Object> kafka,
            EventsProperties properties) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setCommonErrorHandler(errorHandler(kafka, properties.retry()));
        return factory;
    }

    static DefaultErrorHandler errorHandler(KafkaOperations<Object, Object> kafka, EventsProperties.Retry retry) {
        var recoverer = new DeadLetterPublishingRecoverer(
                kafka,
                (record, exception) ->
                        new TopicPartition(EventTopics.deadLetterTopic(record.topic()), record.partition()));
        var backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        ConsumerAwareRecordRecoverer parking =
                (record, consumer, exception) -> recoverer.accept(record, consumer, unbatched(exception));
        var handler = new DefaultErrorHandler(parking, backOff);
        // Beside Spring's defaults (deserialization and conversion failures): a record that can't
        // be read will never succeed, so retrying it would only hold up the tenant's partition.
        handler.addNotRetryableExceptions(UnprocessableEventException.class);
        return handler;
    }

    /**
     * A batch listener names the failed record by wrapping what went wrong in a {@link
     * BatchListenerFailedException}; the dead-letter headers (exception class, message, cause) are
     * to tell operators what went wrong, as they do for a record listener, not how it was reported.
     */
    static Exception unbatched(Exception exception) {
        if (exception instanceof ListenerExecutionFailedException failed
                && failed.getCause() instanceof BatchListenerFailedException batch
                && batch.getCause() != null) {
            return new ListenerExecutionFailedException(
                    batch.getCause().getMessage(), failed.getGroupId(), batch.getCause());
        }
        if (exception instanceof BatchListenerFailedException batch && batch.getCause() instanceof Exception cause) {
            return cause;
        }
        return exception;
    }
}
