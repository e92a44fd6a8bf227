package io.loadwise.planengine;

import io.loadwise.planengine.internal.ProposalRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A proposal as the platform's own consumers read it (the coach's "review this change" mail): they
 * run as the event's tenant with no signed-in user, so this checks no permissions. People read
 * proposals through {@link ProposalService}.
 */
@Service
public class ProposalNotices {

    private final ProposalRepository proposals;

    ProposalNotices(ProposalRepository proposals) {
        this.proposals = proposals;
    }

    @Transactional(readOnly = true)
    public Optional<AdjustmentProposal> proposal(UUID id) {
        return proposals.find(id, false);
    }
}
