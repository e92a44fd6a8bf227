package io.loadwise.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.MergedAnnotation;
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
        MergedAnnotation<IntegrationTest> annotation = MergedAnnotations.from(
                        testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(IntegrationTest.class);
        if (annotation.isPresent()) {
            return new InfrastructureCustomizer(annotation.getBoolean("keycloak"));
        }
        IntegrationTest nested = TestContextAnnotationUtils.findMergedAnnotation(testClass, IntegrationTest.class);
        return nested != null ? new InfrastructureCustomizer(nested.keycloak()) : null;
    }

    /**
     * A record, so equal customizers let Spring cache and share the context; the Keycloak flag is
     * part of that key, since contexts with and without Keycloak differ.
     */
    record InfrastructureCustomizer(boolean keycloak) implements ContextCustomizer {
        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            // Below a test's own inline properties (so a test can point somewhere else on purpose),
            // above everything else.
            var sources = context.getEnvironment().getPropertySources();
            TestInfrastructure.startAll(keycloak);
            Map<String, Object> properties = new LinkedHashMap<>(TestInfrastructure.applicationProperties());
            if (keycloak) {
                properties.putAll(TestInfrastructure.identityProperties(TestInfrastructure.keycloak()));
            }
            var infrastructure = new MapPropertySource("loadwiseTestInfrastructure", properties);
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, infrastructure);
            } else {
                sources.addFirst(infrastructure);
            }
        }
    }
}
