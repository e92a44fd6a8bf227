package io.loadwise.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.events.EventTopics;
import io.loadwise.events.TenantEvent;
import io.loadwise.tenancy.TenantId;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.modulith.events.Externalized;
import org.springframework.modulith.events.RoutingTarget;

class TenantRoutingTests {

    private final TenantRouting routing = new TenantRouting(OutboxConfiguration.EVENTS_PACKAGE);

    @Test
    void everyExternalizedEventGoesToACreatedTopicKeyedByItsBusiness() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Externalized.class));
        Map<String, String> topicByEvent = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(OutboxConfiguration.EVENTS_PACKAGE)) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.getEnclosingClass() == TenantRoutingTests.class) {
                continue;
            }
            assertThat(TenantEvent.class).as(type.getName()).isAssignableFrom(type);
            topicByEvent.put(type.getSimpleName(), routing.topicOf(type).orElseThrow());
        }

        // Every topic the application creates has its event, and no event goes to a topic it doesn't create.
        assertThat(topicByEvent.values()).containsExactlyInAnyOrderElementsOf(EventTopics.EVENT_TOPICS);
        assertThat(topicByEvent).containsEntry("MessagePosted", "loadwise.messaging.message-posted");
    }

    @Test
    void routesAnEventToItsTopicWithItsBusinessAsKey() {
        TenantId tenant = new TenantId(UUID.randomUUID());

        assertThat(routing.externalizes(new Keyed(tenant))).isTrue();
        RoutingTarget target = routing.target(new Keyed(tenant));

        assertThat(target.getTarget()).isEqualTo("loadwise.test.keyed");
        assertThat(target.getKey()).isEqualTo(tenant.value().toString());
    }

    @Test
    void leavesOutEventsThatAreNotAnnotatedOrNotLoadwises() {
        TenantRouting elsewhere = new TenantRouting("io.loadwise.elsewhere");

        assertThat(routing.externalizes(new Internal(new TenantId(UUID.randomUUID()))))
                .isFalse();
        assertThat(routing.externalizes("a string")).isFalse();
        assertThat(elsewhere.externalizes(new Keyed(new TenantId(UUID.randomUUID()))))
                .isFalse();
        assertThatThrownBy(() -> routing.target(new Internal(new TenantId(UUID.randomUUID()))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnExternalizedEventWithoutABusinessOrWithItsOwnKey() {
        assertThatThrownBy(() -> routing.externalizes(new Unkeyed("x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unkeyed")
                .hasMessageContaining("not a TenantEvent");
        assertThatThrownBy(() -> routing.externalizes(new OwnKey(new TenantId(UUID.randomUUID()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("just the topic");
    }

    @Externalized("loadwise.test.keyed")
    record Keyed(TenantId tenantId) implements TenantEvent {}

    record Internal(TenantId tenantId) implements TenantEvent {}

    @Externalized("loadwise.test.unkeyed")
    record Unkeyed(String value) {}

    @Externalized("loadwise.test.own::#{tenantId().toString()}")
    record OwnKey(TenantId tenantId) implements TenantEvent {}
}
