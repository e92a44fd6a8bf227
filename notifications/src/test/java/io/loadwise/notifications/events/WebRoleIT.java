package io.loadwise.notifications.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A web-only replica joins no consumer group: the events are left to the workers. */
@IntegrationTest
@TestPropertySource(properties = "loadwise.roles=web")
@DirtiesContext // closed before the JVM's shutdown stops the shared broker, or its producer waits for it
class WebRoleIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void a_web_only_instance_runs_no_kafka_listener() {
        assertThat(listeners.getListenerContainers()).isEmpty();
        assertThat(context.getBeansOfType(io.loadwise.notifications.events.internal.EventIntake.class))
                .isEmpty();
    }
}
