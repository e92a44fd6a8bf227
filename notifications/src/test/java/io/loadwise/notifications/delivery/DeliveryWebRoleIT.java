package io.loadwise.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadwise.notifications.Notifier;
import io.loadwise.notifications.delivery.internal.DailyDigestJob;
import io.loadwise.notifications.delivery.internal.MailWorker;
import io.loadwise.notifications.delivery.internal.RetentionJob;
import io.loadwise.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A web-only replica stores notifications (and serves the APIs) but sends no mail, gathers no digest
 * and deletes nothing for retention.
 */
@IntegrationTest
@TestPropertySource(properties = "loadwise.roles=web")
@DirtiesContext
class DeliveryWebRoleIT {

    @Autowired
    ApplicationContext context;

    @Test
    void a_web_only_instance_has_no_mail_worker_no_digest_job_and_no_retention_job() {
        assertThat(context.getBeansOfType(MailWorker.class)).isEmpty();
        assertThat(context.getBeansOfType(DailyDigestJob.class)).isEmpty();
        assertThat(context.getBeansOfType(RetentionJob.class)).isEmpty();
        assertThat(context.getBeansOfType(Notifier.class)).hasSize(1);
        assertThat(context.getBeansOfType(DeliveryLogService.class)).hasSize(1);
    }
}
