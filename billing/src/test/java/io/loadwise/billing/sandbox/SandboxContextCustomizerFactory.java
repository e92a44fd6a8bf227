package io.loadwise.billing.sandbox;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context that includes billing at the Stripe sandbox. Registered in
 * {@code META-INF/spring.factories} of billing's test jar, so coach-ui's and deploy's tests get it
 * too. PLACEHOLDER until the sandbox lands: an address nothing answers at.
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
            context.getEnvironment()
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "loadwiseStripeSandbox", Map.of("loadwise.stripe.api-base", "http://127.0.0.1:1")));
        }
    }
}
