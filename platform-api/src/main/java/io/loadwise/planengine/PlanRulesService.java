package io.loadwise.planengine;

import io.loadwise.identity.CurrentUsers;
import io.loadwise.planengine.internal.EngineQueries;
import io.loadwise.planengine.internal.PlanRulesRepository;
import io.loadwise.roster.ClientAccess;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The business's plan-engine rules: every coach reads them, the owner changes them. */
@Service
public class PlanRulesService {

    private final PlanRulesRepository repository;
    private final EngineQueries queries;
    private final ClientAccess access;
    private final Clock clock;

    PlanRulesService(PlanRulesRepository repository, EngineQueries queries, ClientAccess access, Clock clock) {
        this.repository = repository;
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public RulesDocument rules() {
        return document();
    }

    /**
     * Replaces the rules.
     *
     * @param expectedVersion the version the editor read (0: the defaults)
     * @throws InvalidRulesException listing every rule that could not be evaluated
     * @throws StaleVersionException when someone else saved in the meantime
     * @throws AccessDeniedException when the caller does not own the business
     */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public RulesDocument update(EngineRules rules, int expectedVersion) {
        TenantContext.require();
        if (!access.currentUserIsOwner()) {
            throw new AccessDeniedException("Only the owner of the business changes the plan engine's rules.");
        }
        RulesValidation.requireValid(rules);
        UUID by = CurrentUsers.current()
                .flatMap(user -> queries.memberIdOfUser(user.userId()))
                .orElse(null);
        int saved = repository
                .save(rules, expectedVersion, by, clock.instant())
                .orElseThrow(() -> new StaleVersionException(
                        "plan rules", expectedVersion, document().version()));
        return new RulesDocument(rules, saved, false);
    }

    /** The rules the engine applies now (no permission check: the engine acts for the platform). */
    @Transactional(readOnly = true)
    EngineRules current() {
        return document().rules();
    }

    private RulesDocument document() {
        return repository
                .find()
                .map(stored -> new RulesDocument(stored.rules(), stored.version(), false))
                .orElseGet(() -> new RulesDocument(EngineRules.DEFAULTS, 0, true));
    }
}
