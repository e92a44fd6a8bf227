package io.loadwise.events.internal;

import io.loadwise.events.TenantEvent;
import java.util.Optional;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.Externalized;
import org.springframework.modulith.events.RoutingTarget;

/**
 * Which events go to Kafka, to which topic and under which key: an {@code @Externalized} event of
 * Loadwise's goes to the topic the annotation names, keyed by its business ({@link TenantEvent}).
 *
 * <p>Modulith's default routing would do the same from a {@code topic::#{tenantId()}} annotation,
 * but it looks the annotation up and parses the SpEL key afresh for every event; at a few hundred
 * events a second that was a measurable share of the outbox's CPU. Here each event type is read
 * once, and the key is a plain method call.
 */
final class TenantRouting {

    private final String basePackage;

    private final ClassValue<Optional<String>> topics = new ClassValue<>() {
        @Override
        protected Optional<String> computeValue(Class<?> type) {
            return topicOf(type);
        }
    };

    TenantRouting(String basePackage) {
        this.basePackage = basePackage;
    }

    boolean externalizes(Object event) {
        return topics.get(event.getClass()).isPresent();
    }

    RoutingTarget target(Object event) {
        String topic = topics.get(event.getClass())
                .orElseThrow(() ->
                        new IllegalArgumentException(event.getClass().getName() + " is not an externalized event"));
        return RoutingTarget.forTarget(topic)
                .andKey(((TenantEvent) event).tenantId().toString());
    }

    /**
     * The topic of an externalized event type, checked once per type: an event without a business
     * key could overtake another of the same business in a consumer, so it fails loudly, at its
     * first publication and in the tests, rather than going out unordered.
     */
    Optional<String> topicOf(Class<?> type) {
        if (!type.getPackageName().equals(basePackage) && !type.getPackageName().startsWith(basePackage + ".")) {
            return Optional.empty();
        }
        Externalized externalized = AnnotatedElementUtils.findMergedAnnotation(type, Externalized.class);
        if (externalized == null) {
            return Optional.empty();
        }
        if (!TenantEvent.class.isAssignableFrom(type)) {
            throw new IllegalStateException(type.getName()
                    + " is @Externalized but not a TenantEvent: it would go to Kafka without its business as key");
        }
        String topic = externalized.target();
        if (topic.isBlank() || topic.contains("::") || topic.contains("#{")) {
            throw new IllegalStateException("@Externalized on " + type.getName()
                    + " must name just the topic (the key is always the business): '" + topic + "'");
        }
        return Optional.of(topic);
    }
}
