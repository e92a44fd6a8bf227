package io.loadwise.planengine;

import io.loadwise.planengine.internal.EngineQueries;
import io.loadwise.planengine.internal.ProposalRepository;
import io.loadwise.plans.RevisionKind;
import io.loadwise.roster.ClientFlag;
import io.loadwise.roster.ClientFlags;
import io.loadwise.roster.ClientId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The coach's dashboard: the clients that need attention, most urgent first. */
@Service
public class DashboardService {

    static final Comparator<AttentionItem> BY_URGENCY = Comparator.comparingInt(AttentionItem::severity)
            .reversed()
            .thenComparing(AttentionItem::since)
            .thenComparing(AttentionItem::clientName)
            .thenComparing(item -> item.clientId().value());

    private final ProposalService proposalService;
    private final ProposalRepository proposals;
    private final ClientFlags flags;
    private final EngineQueries queries;

    DashboardService(
            ProposalService proposalService, ProposalRepository proposals, ClientFlags flags, EngineQueries queries) {
        this.proposalService = proposalService;
        this.proposals = proposals;
        this.flags = flags;
        this.queries = queries;
    }

    /** The caller's clients (all for the owner) with a flag, a pending proposal or an open task, by urgency. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('COACH')")
    public List<AttentionItem> attention() {
        List<ClientId> visible = proposalService.visibleClients();
        Map<ClientId, String> names = queries.visibleClients(null).stream()
                .collect(Collectors.toMap(EngineQueries.ClientName::clientId, EngineQueries.ClientName::displayName));
        Map<ClientId, List<ClientFlag>> flagsByClient = flags.all();
        Map<ClientId, List<AdjustmentProposal>> proposalsByClient =
                proposals.pending(visible).stream().collect(Collectors.groupingBy(AdjustmentProposal::clientId));
        Map<ClientId, List<AttentionItem.CoachTask>> tasksByClient = queries.openTasks().stream()
                .collect(Collectors.groupingBy(
                        EngineQueries.OpenTask::clientId,
                        Collectors.mapping(AttentionItem.CoachTask::of, Collectors.toList())));
        List<AttentionItem> items = new ArrayList<>();
        for (var entry : names.entrySet()) {
            ClientId client = entry.getKey();
            if (visible != null && !visible.contains(client)) {
                continue;
            }
            List<ClientFlag> clientFlags = flagsByClient.getOrDefault(client, List.of());
            List<AdjustmentProposal> clientProposals = proposalsByClient.getOrDefault(client, List.of());
            List<AttentionItem.CoachTask> clientTasks = tasksByClient.getOrDefault(client, List.of());
            if (clientFlags.isEmpty() && clientProposals.isEmpty() && clientTasks.isEmpty()) {
                continue;
            }
            int severity = Stream.of(
                            clientFlags.stream().map(ClientFlag::severity),
                            clientProposals.stream().map(p -> p.kind() == RevisionKind.DIAL_BACK ? 3 : 2),
                            clientTasks.stream().map(t -> 1))
                    .flatMap(s -> s)
                    .max(Integer::compare)
                    .orElse(1);
            Instant since = Stream.of(
                            clientFlags.stream().map(ClientFlag::raisedAt),
                            clientProposals.stream().map(AdjustmentProposal::createdAt),
                            clientTasks.stream().map(AttentionItem.CoachTask::createdAt))
                    .flatMap(s -> s)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            items.add(new AttentionItem(
                    client, entry.getValue(), severity, since, clientFlags, clientProposals, clientTasks));
        }
        items.sort(BY_URGENCY);
        return items;
    }
}
