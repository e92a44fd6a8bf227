package io.loadwise.billing.sandbox;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points every Spring test context that includes billing at the JVM's shared Stripe sandbox
 * ({@link StripeSandbox#shared()}): the API base and both webhook signing secrets. Registered in
 * {@code META-INF/spring.factories} of billing's test jar, so coach-ui's and deploy's tests get it
 * too. The customizer is a value (the same for every test), so Spring's context cache still
 * shares contexts between test classes.
 */
public class SandboxContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new SandboxCustomizer();
    }

    record SandboxCustomizer() implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            StripeSandbox sandbox = StripeSandbox.shared();
            var sandboxProperties = new MapPropertySource(
                    "loadwiseStripeSandbox",
                    Map.of(
                            "loadwise.stripe.api-base", sandbox.url(),
                            "loadwise.stripe.platform-webhook-secret", sandbox.webhookSecret(),
                            "loadwise.stripe.connect-webhook-secret", sandbox.webhookSecret()));
            // Above the application's own configuration (deploy's application.yaml sets an empty
            // api-base from the environment), below a test's inline properties and dynamic property
            // sources, so a test can still point Stripe at its own stub.
            var sources = context.getEnvironment().getPropertySources();
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, sandboxProperties);
            } else {
                sources.addFirst(sandboxProperties);
            }
        }
    }
}
