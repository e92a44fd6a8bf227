package io.loadwise.local;

import io.loadwise.plans.templates.PlanLibrarySeeds;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds the demo tenants once the schema is migrated. Only part of the local run. */
@Configuration(proxyBeanMethods = false)
class LocalRunConfiguration {

    @Bean
    ApplicationRunner seedDemoData(
            DSLContext db, TransactionTemplate tx, PlanLibrarySeeds planLibrary, Clock clock, ApplicationContext app) {
        return args -> {
            new DemoData(db, tx, planLibrary, clock).seed();
            DemoPlans.seed(app);
            DemoCommerce.seed(app);
        };
    }
}
