package io.loadwise.billing;

import io.loadwise.BillingTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Billing and the platform it sees use each other only through module APIs, without cycles. */
class BillingModuleTests {

    @Test
    void billing_uses_the_platform_only_through_its_api() {
        ApplicationModules.of(BillingTestApplication.class).verify();
    }
}
