package io.loadwise.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * A Spring Boot test against the real infrastructure of {@link TestInfrastructure}: PostgreSQL,
 * Kafka and SMTP always, Keycloak when {@link #keycloak()} asks for it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest
public @interface IntegrationTest {

    /**
     * Starts (once per JVM) a real Keycloak with the loadwise realm and points
     * {@code loadwise.identity.*} at it. Off by default: Keycloak takes seconds to start.
     */
    boolean keycloak() default false;

    /** As {@link SpringBootTest#webEnvironment()}: {@code RANDOM_PORT} for tests that send HTTP. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
