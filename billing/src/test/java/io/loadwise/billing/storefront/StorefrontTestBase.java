package io.loadwise.billing.storefront;

import io.loadwise.testsupport.IntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on a real port, with Stripe's checkout endpoint stubbed over HTTP: shared by the
 * storefront ITs, so they run in one Spring context.
 */
@IntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class StorefrontTestBase {

    static final String PUBLIC_URL = "https://shop.example.test";

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("loadwise.stripe.api-base", StripeCheckoutStub::url);
        registry.add("loadwise.stripe.public-url", () -> PUBLIC_URL);
    }
}
