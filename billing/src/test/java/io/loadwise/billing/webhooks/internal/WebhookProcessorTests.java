package io.loadwise.billing.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loadwise.billing.webhooks.ReceivedStripeEvent;
import io.loadwise.billing.webhooks.StripeEventHandler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookProcessorTests {

    record Handler(Set<String> eventTypes) implements StripeEventHandler {
        @Override
        public void handle(ReceivedStripeEvent event) {}
    }

    @Test
    void twoHandlersForOneEventTypeStopTheStart() {
        assertThatThrownBy(() -> WebhookProcessor.byType(List.of(
                        new Handler(Set.of("checkout.session.completed", "charge.refunded")),
                        new Handler(Set.of("charge.refunded")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("charge.refunded has two handlers");
    }

    @Test
    void eachTypeFindsItsHandler() {
        Handler orders = new Handler(Set.of("checkout.session.completed"));
        Handler disputes = new Handler(Set.of("charge.dispute.created"));
        assertThat(WebhookProcessor.byType(List.of(orders, disputes)))
                .containsEntry("checkout.session.completed", orders)
                .containsEntry("charge.dispute.created", disputes);
    }

    @Test
    void retriesBackOffExponentiallyUpToTheLongestWait() {
        WebhookProperties properties = new WebhookProperties(
                4, 50, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1), 8);
        assertThat(properties.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.retryDelay(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(properties.retryDelay(8)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.retryDelay(60)).isEqualTo(Duration.ofHours(1));
    }
}
