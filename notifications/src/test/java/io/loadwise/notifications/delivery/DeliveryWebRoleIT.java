package io.loadwise.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.notifications.Notifier;
import io.loadwise.notifications.delivery.internal.DailyDigestJob;
import io.loadwise.notifications.delivery.internal.MailWorker;
import io.loadwise.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A web-only replica stores notifications (and serves the APIs) but sends no mail and gathers no digest. */
@IntegrationTest
@TestPropertySource(properties = "loadwise.roles=web")
@DirtiesContext
class DeliveryWebRoleIT {

    @Autowired
    ApplicationContext context;

    @Test
    void a_web_only_instance_has_no_mail_worker_and_no_digest_job() {
        assertThat(context.getBeansOfType(MailWorker.class)).isEmpty();
        assertThat(context.getBeansOfType(DailyDigestJob.class)).isEmpty();
        assertThat(context.getBeansOfType(Notifier.class)).hasSize(1);
        assertThat(context.getBeansOfType(DeliveryLogService.class)).hasSize(1);
    }
}
