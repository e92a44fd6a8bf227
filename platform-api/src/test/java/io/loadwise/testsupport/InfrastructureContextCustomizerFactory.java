package io.loadwise.testsupport;

import java.util.List;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points every {@link IntegrationTest} context at the shared infrastructure, starting it on first
 * use. Registered in {@code META-INF/spring.factories}.
 */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean integration = TestContextAnnotationUtils.hasAnnotation(testClass, IntegrationTest.class)
                || MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                        .isPresent(IntegrationTest.class);
        return integration ? new InfrastructureCustomizer() : null;
    }

    /** A record, so equal customizers let Spring cache and share the context. */
    record InfrastructureCustomizer() implements ContextCustomizer {
        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            // Below a test's own inline properties (so a test can point somewhere else on purpose),
            // above everything else.
            var sources = context.getEnvironment().getPropertySources();
            var infrastructure =
                    new MapPropertySource("loadwiseTestInfrastructure", TestInfrastructure.applicationProperties());
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, infrastructure);
            } else {
                sources.addFirst(infrastructure);
            }
        }
    }
}
