package io.loadwise.identity;

import io.loadwise.identity.internal.MembershipQuery;
import io.loadwise.tenancy.TenantContext;
import io.loadwise.tenancy.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whether a user was removed from a business ({@code members.removed_at}). Removing a coach also
 * ends their Keycloak organization membership, but tokens and UI sessions issued before still name
 * the tenant: {@link TenantBindingFilter} asks here and refuses them.
 *
 * <p>Answers are remembered briefly, since every authenticated request asks; the instance that
 * removes a member forgets its answer at once, others within {@link #REMEMBER_FOR}.
 */
@Component
public class RemovedMembers {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(30);
    private static final int MAX_REMEMBERED = 50_000;

    private final MembershipQuery query;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();

    RemovedMembers(MembershipQuery query, PlatformTransactionManager transactions, Clock clock) {
        this.query = query;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // The tenant reaches PostgreSQL when a transaction begins: never join a caller's.
        this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** True when the user has a member row in the tenant that was removed. */
    public boolean isRemoved(TenantId tenant, UUID userId) {
        Key key = new Key(tenant, userId);
        Instant now = clock.instant();
        Answer known = answers.get(key);
        if (known != null && known.until().isAfter(now)) {
            return known.removed();
        }
        boolean removed = TenantContext.callAs(
                tenant, () -> Boolean.TRUE.equals(readOnly.execute(status -> query.isRemoved(userId))));
        if (answers.size() >= MAX_REMEMBERED) {
            answers.clear();
        }
        answers.put(key, new Answer(removed, now.plus(REMEMBER_FOR)));
        return removed;
    }

    /** Called when a member was just removed, so this instance refuses them from now on. */
    public void forget(TenantId tenant, UUID userId) {
        answers.remove(new Key(tenant, userId));
    }

    private record Key(TenantId tenant, UUID userId) {}

    private record Answer(boolean removed, Instant until) {}
}
