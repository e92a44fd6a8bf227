package io.loadwise.events.internal;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code loadwise.roles} (default {@code web,worker}) contains {@code worker}. */
public class WorkerRoleCondition implements Condition {

    static final String ROLES = "loadwise.roles";
    static final String DEFAULT_ROLES = "web,worker";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return hasWorkerRole(context.getEnvironment().getProperty(ROLES, DEFAULT_ROLES));
    }

    static boolean hasWorkerRole(String roles) {
        return Arrays.stream(roles.split(","))
                .map(r -> r.trim().toLowerCase(Locale.ROOT))
                .anyMatch("worker"::equals);
    }
}
