package io.loadwise.events.internal;

import io.loadwise.shared.InstanceRoles;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code loadwise.roles} (default {@code web,worker}) contains {@code worker}. */
public class WorkerRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return InstanceRoles.of(context.getEnvironment()).contains(InstanceRoles.WORKER);
    }
}
