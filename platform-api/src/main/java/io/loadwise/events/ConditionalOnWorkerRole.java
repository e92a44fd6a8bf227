package io.loadwise.events;

import io.loadwise.events.internal.WorkerRoleCondition;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers a bean only in instances that run the {@code worker} role: {@code loadwise.roles}
 * (default {@code web,worker}) lists it. Every Kafka consumer carries this, so web-only replicas
 * join no consumer group.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(WorkerRoleCondition.class)
public @interface ConditionalOnWorkerRole {}
