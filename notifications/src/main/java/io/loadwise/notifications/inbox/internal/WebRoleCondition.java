package io.loadwise.notifications.inbox.internal;

import io.loadwise.shared.InstanceRoles;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code loadwise.roles} (default {@code web,worker}) contains {@code web}: the role with open UIs. */
class WebRoleCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return InstanceRoles.of(context.getEnvironment()).contains(InstanceRoles.WEB);
    }
}
