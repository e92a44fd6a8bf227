package io.loadwise.billing.admin.internal;

import io.loadwise.events.ConditionalOnWorkerRole;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The nightly reconciliation, in the worker role (like the plan engine's sweep). With several
 * workers, the first to start records its run and the others see it and skip; should two start at
 * the same moment, repairs are idempotent, so the second only repeats the comparison.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnWorkerRole
class NightlyReconciliation {

    private static final Logger log = LoggerFactory.getLogger(NightlyReconciliation.class);

    private final ReconciliationRuns runs;
    private final Clock clock;

    NightlyReconciliation(ReconciliationRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
    }

    @Scheduled(cron = "${loadwise.billing.reconciliation-cron:0 30 3 * * *}")
    void reconcile() {
        if (runs.nightlyRanSince(clock.instant().minus(Duration.ofHours(20)))) {
            log.info("Tonight's reconciliation already ran on another worker");
            return;
        }
        try {
            var report = runs.run("nightly");
            log.info(
                    "Nightly reconciliation: {} businesses, {} objects, {} missing, {} mismatched, {} repaired",
                    report.tenants(),
                    report.checked(),
                    report.missing(),
                    report.mismatched(),
                    report.repaired());
        } catch (RuntimeException e) {
            log.error("Nightly reconciliation failed; the next night tries again", e);
        }
    }
}
