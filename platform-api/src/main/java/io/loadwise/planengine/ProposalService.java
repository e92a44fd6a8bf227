package io.loadwise.planengine;

import io.loadwise.identity.CurrentUsers;
import io.loadwise.planengine.internal.EngineQueries;
import io.loadwise.planengine.internal.ProposalRepository;
import io.loadwise.plans.PlanRevision;
import io.loadwise.plans.PlanSession;
import io.loadwise.plans.PlanSnapshot;
import io.loadwise.plans.PlanStatus;
import io.loadwise.plans.PlanStore;
import io.loadwise.plans.RevisionRequest;
import io.loadwise.plans.RevisionSource;
import io.loadwise.plans.SessionChange;
import io.loadwise.plans.SessionStatus;
import io.loadwise.roster.ClientAccess;
import io.loadwise.roster.ClientId;
import io.loadwise.shared.NotFoundException;
import io.loadwise.shared.StaleVersionException;
import io.loadwise.tenancy.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's proposals, for the coaches of the client: list the pending ones, approve one (it
 * becomes the plan's next revision) or reject it.
 */
@Service
public class ProposalService {

    public static final int MAX_NOTE = 1000;

    private final ProposalRepository proposals;
    private final PlanStore plans;
    private final PlanEngine engine;
    private final EngineQueries queries;
    private final ClientAccess access;
    private final Clock clock;

    ProposalService(
            ProposalRepository proposals,
            PlanStore plans,
            PlanEngine engine,
            EngineQueries queries,
            ClientAccess access,
            Clock clock) {
        this.proposals = proposals;
        this.plans = plans;
        this.engine = engine;
        this.queries = queries;
        this.access = access;
        this.clock = clock;
    }

    /** The pending proposals of the clients the caller coaches (all of them for the owner), oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public List<AdjustmentProposal> pending() {
        return proposals.pending(visibleClients());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public AdjustmentProposal proposal(UUID id) {
        AdjustmentProposal proposal =
                proposals.find(id, false).orElseThrow(() -> new NotFoundException("proposal", id));
        if (!access.canSee(proposal.clientId())) {
            throw new NotFoundException("proposal", id);
        }
        return proposal;
    }

    /**
     * Applies the proposal as the plan's next revision, made by the calling coach.
     *
     * <p>Sessions whose day has come or that the client logged since are left out: the proposal
     * changes only what is still ahead.
     *
     * @param expectedBaseRevision the plan revision the coach saw the proposal for (its ETag)
     * @throws StaleVersionException when {@code expectedBaseRevision} is not the proposal's, or a
     *     coach's edit wins the race while this approval is applied
     * @throws ProposalOutdatedException when the proposal was decided already, or the plan changed
     *     since it was made — the proposal is then marked superseded (and stays so)
     */
    @Transactional(noRollbackFor = ProposalOutdatedException.class)
    @PreAuthorize("hasRole('COACH')")
    public PlanRevision approve(UUID id, int expectedBaseRevision) {
        AdjustmentProposal proposal = pendingVisible(id);
        if (proposal.baseRevision() != expectedBaseRevision) {
            throw new StaleVersionException("proposal", expectedBaseRevision, proposal.baseRevision());
        }
        PlanSnapshot plan = plans.snapshot(proposal.planId()).orElseThrow(() -> new NotFoundException("proposal", id));
        if (plan.plan().revision() != proposal.baseRevision() || plan.plan().status() != PlanStatus.ACTIVE) {
            supersede(proposal);
            throw new ProposalOutdatedException("The plan changed after this proposal was made (it was for revision "
                    + proposal.baseRevision() + ", the plan is now at revision "
                    + plan.plan().revision()
                    + "), so it no longer applies and was withdrawn. The engine proposes again with the next"
                    + " check-in if it is still needed.");
        }
        LocalDate today = engine.today();
        List<SessionChange> ahead = proposal.changes().stream()
                .filter(change -> stillAhead(plan, change, today))
                .toList();
        if (ahead.isEmpty()) {
            supersede(proposal);
            throw new ProposalOutdatedException("Every day this proposal changes has passed or been logged, so"
                    + " there is nothing left to apply; it was withdrawn.");
        }
        UUID coach = member();
        PlanRevision revision = plans.revise(new RevisionRequest(
                proposal.planId(),
                proposal.baseRevision(),
                proposal.kind(),
                RevisionSource.ENGINE,
                proposal.reason(),
                ahead,
                proposal.newPhase(),
                null,
                proposal.sourceEventId(),
                coach));
        proposals.decide(proposal.id(), ProposalStatus.APPROVED, coach, clock.instant(), revision.revision(), null);
        return revision;
    }

    /** Declines the proposal; the plan stays as it is. */
    @Transactional
    @PreAuthorize("hasRole('COACH')")
    public AdjustmentProposal reject(UUID id, @Nullable String note) {
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_NOTE) {
            throw new IllegalArgumentException("A note has at most " + MAX_NOTE + " characters.");
        }
        AdjustmentProposal proposal = pendingVisible(id);
        proposals.decide(proposal.id(), ProposalStatus.REJECTED, member(), clock.instant(), null, text);
        return proposals.find(id, false).orElseThrow();
    }

    private AdjustmentProposal pendingVisible(UUID id) {
        TenantContext.require();
        AdjustmentProposal proposal = proposals.find(id, true).orElseThrow(() -> new NotFoundException("proposal", id));
        if (!access.canSee(proposal.clientId())) {
            throw new NotFoundException("proposal", id);
        }
        if (proposal.status() != ProposalStatus.PENDING) {
            throw new ProposalOutdatedException(
                    "This proposal was " + proposal.status().code() + " already; reload to see the plan as it is now.");
        }
        return proposal;
    }

    private static boolean stillAhead(PlanSnapshot plan, SessionChange change, LocalDate today) {
        if (!change.date().isAfter(today)) {
            return false;
        }
        if (change.session() == null) {
            return true;
        }
        Optional<PlanSession> session = plan.session(change.session());
        return session.isPresent() && session.get().status() == SessionStatus.PLANNED;
    }

    private void supersede(AdjustmentProposal proposal) {
        proposals.decide(proposal.id(), ProposalStatus.SUPERSEDED, member(), clock.instant(), null, null);
    }

    private @Nullable UUID member() {
        return CurrentUsers.current()
                .flatMap(user -> queries.memberIdOfUser(user.userId()))
                .orElse(null);
    }

    /** Null for the owner (every client). */
    @Nullable
    List<ClientId> visibleClients() {
        if (access.currentUserIsOwner()) {
            return null;
        }
        UUID me = member();
        if (me == null) {
            return List.of();
        }
        return queries.visibleClients(me).stream()
                .map(EngineQueries.ClientName::clientId)
                .toList();
    }
}
