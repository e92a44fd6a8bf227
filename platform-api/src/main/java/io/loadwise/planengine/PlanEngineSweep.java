package io.loadwise.planengine;

import io.loadwise.events.ConditionalOnWorkerRole;
import io.loadwise.tenancy.TenantDirectory;
import io.loadwise.tenancy.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the engine's sweep over every active business, in the worker role. Hourly rather than at
 * midnight: "yesterday" ends at a different hour in each business's time zone, and a sweep that
 * finds nothing new changes nothing. One business's failure does not stop the others.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnWorkerRole
class PlanEngineSweep {

    private static final Logger log = LoggerFactory.getLogger(PlanEngineSweep.class);

    private final TenantDirectory tenants;
    private final PlanEngine engine;

    PlanEngineSweep(TenantDirectory tenants, PlanEngine engine) {
        this.tenants = tenants;
        this.engine = engine;
    }

    @Scheduled(cron = "${loadwise.planengine.sweep-cron:0 5 * * * *}")
    void sweepAll() {
        for (TenantId tenant : tenants.activeTenantIds()) {
            try {
                var result = engine.sweep(tenant);
                if (result.sessionsMissed() > 0) {
                    log.info("Sweep of tenant {}: {}", tenant, result);
                }
            } catch (RuntimeException e) {
                log.error("Sweep of tenant {} failed; the next run tries again", tenant, e);
            }
        }
    }
}
