package io.loadwise.notifications.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Where bounces go: the envelope sender the mail sender is given. */
class EnvelopeSenderTests {

    @Test
    void the_bounce_address_becomes_the_envelope_sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        DeliveryConfiguration.useEnvelopeSender(sender, "Bounces <bounces@mail.example.test>");
        assertThat(sender.getJavaMailProperties().getProperty("mail.smtp.from")).isEqualTo("bounces@mail.example.test");
        assertThat(sender.getSession().getProperty("mail.smtp.from")).isEqualTo("bounces@mail.example.test");
    }

    @Test
    void an_operators_own_envelope_sender_and_no_bounce_address_leave_the_sender_as_it_is() {
        JavaMailSenderImpl own = new JavaMailSenderImpl();
        own.getJavaMailProperties().setProperty("mail.smtp.from", "return@ops.example.test");
        DeliveryConfiguration.useEnvelopeSender(own, "bounces@mail.example.test");
        assertThat(own.getJavaMailProperties().getProperty("mail.smtp.from")).isEqualTo("return@ops.example.test");

        JavaMailSenderImpl none = new JavaMailSenderImpl();
        DeliveryConfiguration.useEnvelopeSender(none, null);
        assertThat(none.getJavaMailProperties()).isEmpty();
    }

    @Test
    void a_bounce_address_that_is_none_stops_the_start_with_the_setting_named() {
        assertThatThrownBy(
                        () -> DeliveryConfiguration.useEnvelopeSender(new JavaMailSenderImpl(), "bounces at example"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("loadwise.notifications.bounces.address");
    }
}
